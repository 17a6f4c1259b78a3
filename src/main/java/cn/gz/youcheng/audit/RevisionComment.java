package cn.gz.youcheng.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Attaches a comment (such as an imported file's name) to the revision of the current transaction. Envers
 * creates the revision when the transaction commits, so the comment is bound to the transaction, not to a
 * block of code, and released when it completes.
 */
public final class RevisionComment {

    private static final Object KEY = RevisionComment.class;

    private RevisionComment() {
    }

    public static void forCurrentTransaction(String comment) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a revision comment needs a transaction");
        }
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            TransactionSynchronizationManager.unbindResource(KEY);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(KEY, comment);
    }

    static @Nullable String current() {
        return (String) TransactionSynchronizationManager.getResource(KEY);
    }
}
