package cn.gz.youcheng.directory.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RowPipeTest {

    @Test
    void everyRowIsWrittenOnceInTheOrderItWasRead() {
        List<Integer> written = new ArrayList<>();
        try (RowPipe<Integer> pipe = new RowPipe<>("test", written::add)) {
            for (int i = 0; i < 10_500; i++) {
                pipe.accept(i);
            }
        }
        assertThat(written).hasSize(10_500);
        for (int i = 0; i < written.size(); i++) {
            assertThat(written.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aVisitorWhoLeavesStopsTheReadingWithTheWritersFailure() {
        AtomicInteger read = new AtomicInteger();
        assertThatThrownBy(() -> {
            try (RowPipe<Integer> pipe = new RowPipe<>("test", row -> {
                if (row == 2_500) {
                    throw new UncheckedIOException(new java.io.IOException("Broken pipe"));
                }
            })) {
                for (int i = 0; i < 1_000_000; i++) {
                    pipe.accept(i);
                    read.incrementAndGet();
                }
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Broken pipe");
        // Reading stopped a few batches after the failure, not at the end of a million rows.
        assertThat(read.get()).isLessThan(2_500 + (RowPipe.BATCHES + 2) * RowPipe.BATCH);
    }

    @Test
    void aDatabaseFailureWhileReadingEndsTheWriterAfterWhatWasReadAndIsNotHidden() {
        List<Integer> written = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (RowPipe<Integer> pipe = new RowPipe<>("test", written::add)) {
                for (int i = 0; i < 1_500; i++) {
                    pipe.accept(i);
                }
                throw new IllegalStateException("connection lost");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
        // close() waited for the writer: everything read before the failure went out, nothing after it.
        assertThat(written).hasSize(1_500);
    }

    @Test
    void aSlowVisitorHoldsBackTheReadingToAFewBatches() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger read = new AtomicInteger();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (RowPipe<Integer> pipe = new RowPipe<>("test", row -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })) {
                for (int i = 0; i < 100_000; i++) {
                    pipe.accept(i);
                    read.incrementAndGet();
                }
            }
        });
        // Wait until the reader is held back: it waits (with the pipe's timeout) for room in the full queue.
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.getState() == Thread.State.TIMED_WAITING);
        // The writer holds one batch, the queue the next few, the reader fills one more.
        assertThat(read.get()).isGreaterThanOrEqualTo(RowPipe.BATCHES * RowPipe.BATCH)
                .isLessThanOrEqualTo((RowPipe.BATCHES + 2) * RowPipe.BATCH);
        release.countDown();
        reader.join(10_000);
        assertThat(read.get()).isEqualTo(100_000);
    }
}
