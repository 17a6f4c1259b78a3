package cn.gz.youcheng.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.RecordingDataSource;
import cn.gz.youcheng.registry.CountryOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shared results over the real database: read once per registry version, however many visitors ask. */
@IntegrationTest
class CachedReadsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void visitorsAskingForTheSameOrderingAtOnceWaitForOneRead() throws Exception {
        CountingReads database = new CountingReads(new DatabaseReads(new DirectoryDatabase(dataSource, clock)));
        CachedReads cached = new CachedReads(database, 4_000_000, 5_000);
        DirectoryFilter search = search("a");
        database.holdReads();

        CompletableFuture<long[]> first = CompletableFuture.supplyAsync(() -> cached.orderedIds(search, List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.orderings.get() == 1);
        AtomicReference<long[]> secondResult = new AtomicReference<>();
        Thread second = Thread.ofPlatform().start(() -> secondResult.set(cached.orderedIds(search, List.of())));
        // Parked on the first visitor's read, not reading itself.
        await().atMost(Duration.ofSeconds(30)).until(() -> second.getState() == Thread.State.WAITING);

        database.releaseReads();
        second.join(Duration.ofSeconds(30));
        assertThat(first.get(30, TimeUnit.SECONDS)).isNotEmpty().isSameAs(secondResult.get());
        assertThat(database.orderings).hasValue(1);
        // And later visitors are answered from memory too.
        assertThat(cached.orderedIds(search, List.of())).isSameAs(secondResult.get());
        assertThat(database.orderings).hasValue(1);
    }

    @Test
    void aChangeOfTheRegistryMakesEveryResultBeReadAgain() {
        CountingReads database = new CountingReads(new DatabaseReads(new DirectoryDatabase(dataSource, clock)));
        CachedReads cached = new CachedReads(database, 4_000_000, 5_000);
        DirectoryFilter search = search("o");
        cached.orderedIds(search, List.of());
        cached.totals(search);
        cached.orderedIds(search, List.of());
        cached.totals(search);
        assertThat(database.orderings).hasValue(1);
        assertThat(database.summaries).hasValue(1);

        // What every write does in its transaction (V6).
        jdbc.sql("update registry_version set version = version + 1").update();

        cached.orderedIds(search, List.of());
        cached.totals(search);
        assertThat(database.orderings).hasValue(2);
        assertThat(database.summaries).hasValue(2);
    }

    @Test
    void aFailedReadIsNotRememberedAndTheNextVisitorReadsAgain() {
        CountingReads database = new CountingReads(new DatabaseReads(new DirectoryDatabase(dataSource, clock)));
        CachedReads cached = new CachedReads(database, 4_000_000, 5_000);
        DirectoryFilter search = search("e");
        database.failNextRead();

        assertThatThrownBy(() -> cached.orderedIds(search, List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(cached.orderedIds(search, List.of())).isNotEmpty();
        assertThat(database.orderings).hasValue(2);
    }

    @Test
    void everyVisitorsFirstScreenIsOneCopyOfItsRowsReadOncePerRegistryVersion() {
        RecordingDataSource counting = new RecordingDataSource(dataSource);
        DirectoryQueries queries = DirectoryQueries.over(counting, clock);
        DirectoryFilter official = DirectoryFilter.official(LocalDate.now(clock));

        List<PartnerRow> first = queries.page(official, List.of(), 0, 25);
        assertThat(first).hasSize(25);
        assertThat(first.getFirst().nameZh()).isEqualTo("福冈");
        assertThat(rowReads(counting)).isPositive();
        counting.statements.clear();
        // The next visitor's grid holds the same rows, and the database is asked only for the registry's version.
        assertThat(queries.page(official, List.of(), 0, 25)).isSameAs(first);
        assertThat(rowReads(counting)).isZero();
        // Another range or order is a page of its own.
        assertThat(queries.page(official, List.of(), 25, 25)).hasSize(25).doesNotContainAnyElementsOf(first);
        assertThat(queries.page(official, List.of(new DirectorySort(DirectorySort.Key.NAME_EN, false)), 0, 25))
                .hasSize(25).isNotEqualTo(first);
        assertThat(rowReads(counting)).isPositive();

        jdbc.sql("update registry_version set version = version + 1").update();
        counting.statements.clear();

        List<PartnerRow> afterChange = queries.page(official, List.of(), 0, 25);
        assertThat(afterChange).isNotSameAs(first).isEqualTo(first);
        assertThat(rowReads(counting)).isPositive();
    }

    private static long rowReads(RecordingDataSource counting) {
        return counting.statements.stream().filter(statement -> !statement.sql().contains("registry_version")).count();
    }

    private DirectoryFilter search(String text) {
        return new DirectoryFilter(text, null, Set.of(), Set.of(), null, null, null, LocalDate.now(clock));
    }

    /** The database's reads, counted, and held or failed on demand. */
    private static final class CountingReads implements SharedReads {
        final AtomicInteger orderings = new AtomicInteger();
        final AtomicInteger summaries = new AtomicInteger();
        private final SharedReads database;
        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile boolean fail;

        CountingReads(SharedReads database) {
            this.database = database;
        }

        void holdReads() {
            held = new CountDownLatch(1);
        }

        void releaseReads() {
            held.countDown();
        }

        void failNextRead() {
            fail = true;
        }

        @Override
        public long registryVersion() {
            return database.registryVersion();
        }

        @Override
        public List<PartnerRow> officialPage(OfficialPage page,
                java.util.function.Function<ListNumbers, List<PartnerRow>> read) {
            return database.officialPage(page, read);
        }

        @Override
        public long[] orderedIds(DirectoryFilter filter, List<DirectorySort> sort) {
            orderings.incrementAndGet();
            if (fail) {
                fail = false;
                throw new IllegalStateException("the database went away");
            }
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return database.orderedIds(filter, sort);
        }

        @Override
        public ListTotals totals(DirectoryFilter filter) {
            summaries.incrementAndGet();
            return database.totals(filter);
        }

        @Override
        public Statistics statistics(DirectoryFilter filter, int topCountries) {
            summaries.incrementAndGet();
            return database.statistics(filter, topCountries);
        }

        @Override
        public ExchangeStatistics exchangeStatistics(DirectoryFilter filter, int top) {
            summaries.incrementAndGet();
            return database.exchangeStatistics(filter, top);
        }

        @Override
        public List<CountryPoint> countryPoints(DirectoryFilter filter) {
            summaries.incrementAndGet();
            return database.countryPoints(filter);
        }

        @Override
        public ListNumbers listNumbersOn(LocalDate asOf) {
            summaries.incrementAndGet();
            return database.listNumbersOn(asOf);
        }

        @Override
        public ListNumbers listNumbers() {
            summaries.incrementAndGet();
            return database.listNumbers();
        }

        @Override
        public List<CountryOption> countries() {
            summaries.incrementAndGet();
            return database.countries();
        }
    }
}
