package cn.gz.youcheng.base.db;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains a start without a database in our own terms: Spring Boot's message suggests adding H2, which
 * is not what an operator of this application should do.
 */
class MissingDatabaseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("'url' attribute is not specified") || message.contains("suitable driver class")) {
                return new FailureAnalysis(
                        "No PostgreSQL database is configured, and this build does not include the embedded one.",
                        "Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/youcheng), "
                                + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. For a local trial, run "
                                + "the development build (./mvnw spring-boot:run), which brings its own PostgreSQL.",
                        cause);
            }
        }
        return null;
    }
}
