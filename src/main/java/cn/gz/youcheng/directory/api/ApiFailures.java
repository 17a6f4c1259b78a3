package cn.gz.youcheng.directory.api;

import cn.gz.youcheng.base.DatabaseFailures;
import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's refusals and failures as problem details (RFC 9457, {@code application/problem+json}): the
 * reason in English as {@code detail} and in Chinese as {@code detailZh}, never a stack trace.
 */
@RestControllerAdvice(assignableTypes = PartnersApi.class)
class ApiFailures {

    private static final Logger log = LoggerFactory.getLogger(ApiFailures.class);

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<ProblemDetail> refused(ApiRefusal refusal) {
        return problem(refusal.status(), refusal.reason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            log.warn("API request refused: the database is unavailable ({})", failure.getMessage());
            ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, Message.of("api.error.unavailable"));
            return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "30")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
        }
        log.error("API request failed", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Message.of("api.error.failed"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, Message reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Translations.text(reason, Locale.ROOT));
        problem.setProperty("detailZh", Translations.text(reason, Locale.CHINESE));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
