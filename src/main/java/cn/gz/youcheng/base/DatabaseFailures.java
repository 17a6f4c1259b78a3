package cn.gz.youcheng.base;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that cannot be reached (worth a "try again shortly") from a bug. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return true;
            }
            // A failed rollback on a dead connection hides the original failure among the suppressed ones.
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isUnavailable(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof DataAccessResourceFailureException || cause instanceof java.net.ConnectException) {
            return true;
        }
        // SQLSTATE class 08 (connection exception) and 57P (server shut down, cannot connect now); the pool
        // reports a connection the server dropped as closed.
        return cause instanceof SQLException sql && (sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
                || "Connection is closed".equals(sql.getMessage()));
    }
}
