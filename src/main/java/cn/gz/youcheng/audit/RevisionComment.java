package cn.gz.youcheng.audit;

import java.util.function.Supplier;

/**
 * Attaches a comment (such as an imported file's name) to the revisions written while a piece of work runs.
 * Envers creates the revision inside the transaction, so the comment is held for the current thread only.
 */
public final class RevisionComment {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RevisionComment() {
    }

    public static <T> T with(String comment, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(comment);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static String current() {
        return CURRENT.get();
    }
}
