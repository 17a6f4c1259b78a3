package cn.gz.youcheng.directory.export;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rows read on one thread and written on another, in order, a few batches apart: while a download formats
 * and sends a batch, the database and its driver already produce the next. Reading and writing one after
 * the other left each waiting for the other, at half of PostgreSQL's own COPY speed (bench/results).
 * At most {@value #BATCHES} batches of {@value #BATCH} rows are in between, so memory stays bounded.
 *
 * @param <T> a row
 */
final class RowPipe<T> implements Consumer<T>, AutoCloseable {

    static final int BATCH = 1000;
    static final int BATCHES = 4;

    private static final List<Object> END = List.of();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread writer;
    private volatile @Nullable Throwable writeFailure;
    /** The failure is thrown once: from {@link #accept} when reading is stopped by it, else from {@link #close}. */
    private boolean failureThrown;
    private List<T> batch = new ArrayList<>(BATCH);

    RowPipe(String name, Consumer<T> write) {
        writer = Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                for (List<?> rows = queue.take(); rows != END; rows = queue.take()) {
                    @SuppressWarnings("unchecked")
                    List<T> typed = (List<T>) rows;
                    typed.forEach(write);
                }
            } catch (Throwable e) {
                // Most often the visitor went away. The reading side sees it at its next row and stops.
                writeFailure = e;
                queue.clear();
            }
        });
    }

    /** Hands a row over; throws what writing failed with, so that reading stops too. */
    @Override
    public void accept(T row) {
        failIfWritingFailed();
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands over the last rows and waits until all are written; throws what writing failed with. */
    @Override
    public void close() {
        try {
            if (!batch.isEmpty()) {
                hand(batch);
            }
            hand(END);
            writer.join();
        } catch (InterruptedException | RuntimeException e) {
            // The request is being abandoned: the writer must not go on with a response that is no longer ours.
            writer.interrupt();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rows were written", e);
            }
            throw (RuntimeException) e;
        }
        failIfWritingFailed();
    }

    private void hand(List<?> rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                failIfWritingFailed();
                if (!writer.isAlive()) {
                    return; // it failed, and reading was already told
                }
            }
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rows were read", e);
        }
    }

    private void failIfWritingFailed() {
        Throwable failure = writeFailure;
        if (failure == null || failureThrown) {
            return;
        }
        failureThrown = true;
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
