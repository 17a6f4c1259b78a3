package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.DatabaseFailures;
import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.base.Translations;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A download that fails says so in one plain sentence, never with a stack trace: the downloads here, and the
 * printable list, which is served beside them under {@code /export/}.
 */
@RestControllerAdvice(basePackages = {"cn.gz.youcheng.directory.export", "cn.gz.youcheng.directory.ui.printable"})
class DownloadFailures {

    private static final Logger log = LoggerFactory.getLogger(DownloadFailures.class);

    /** A malformed parameter of the download itself, such as {@code bom=maybe}: the caller's mistake. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException failure) {
        return ResponseEntity.badRequest()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(bothLanguages(Message.of("download.error.parameter", failure.getName(),
                        Text.oneLine(String.valueOf(failure.getValue())))));
    }

    /** A download has no page to take the visitor's language from: both, as the other refusals say. */
    private static String bothLanguages(Message message) {
        return Translations.text(message, Locale.ROOT) + "\n" + Translations.text(message, Locale.CHINESE) + "\n";
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            log.warn("Download refused: the database is unavailable ({})", failure.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "30")
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                    .body("The registry's database cannot be reached right now. Please try again in a minute.\n"
                            + "友城数据库暂时无法连接，请稍后再试。\n");
        }
        log.error("Download failed", failure);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body("The download failed. The error has been logged.\n下载失败，错误已记录。\n");
    }
}
