package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.CountryOption;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shared reads, remembered per registry version (decision record 0008). Every change to the registry
 * makes a new version, so a result is never used after the data it was read from changed; results of older
 * versions are dropped when a newer one is first seen. Caffeine bounds what is kept by weight: an ordering
 * weighs as many ids as it holds (at most 4 million: 32 MB), an empty one as a hundred, so that empty
 * results cannot pile up; an earlier date's month counts weigh their entries (250,000 at most, since any
 * date can be asked for); a summary weighs one, and a few thousand are kept. Pages of today's official
 * lists are kept too, weighed by their rows: every visitor's first screen is one of the first, and a page
 * held once is rows that no visitor's grid holds a copy of (bench/README.md, memory).
 *
 * <p>Visitors who ask for the same result at once wait for the one read of it rather than each running
 * it: at a million partners one ordering takes seconds. The read runs on the asking visitor's thread, in
 * its transaction, never on a pool.
 */
final class CachedReads implements SharedReads {

    private record Key(String what, Object query, long version) {
    }

    private final SharedReads database;
    private final AsyncCache<Key, long[]> orders;
    private final AsyncCache<Key, Object> summaries;
    /** Earlier dates' month counts: one per date asked for, so weighed, like the orderings. */
    private final AsyncCache<Key, ListNumbers> numbersOn;
    /** Pages of today's official lists, a few kilobytes for a grid's page. */
    private final AsyncCache<Key, List<PartnerRow>> officialPages;
    private final AtomicLong newestVersion = new AtomicLong(Long.MIN_VALUE);

    /** At most 4 million ids of orderings (32 MB) and 5,000 summaries, each a few kilobytes at most. */
    static CachedReads over(SharedReads database) {
        return new CachedReads(database, 4_000_000, 5_000);
    }

    CachedReads(SharedReads database, long maximumIds, long maximumSummaries) {
        this.database = database;
        this.orders = Caffeine.newBuilder()
                .maximumWeight(maximumIds)
                .weigher((Key key, long[] ids) -> ids.length + 100)
                .buildAsync();
        this.summaries = Caffeine.newBuilder().maximumSize(maximumSummaries).buildAsync();
        // Any date can be asked for; a date's counts hold an entry per signing month of either list (about
        // 1,300 at a million agreements), each about 20 bytes: at most 250,000 entries, 5 MB.
        this.numbersOn = Caffeine.newBuilder()
                .maximumWeight(250_000)
                .weigher((Key key, ListNumbers numbers) -> numbers.entries() + 100)
                .buildAsync();
        // Weighed by their rows, each about 400 bytes: at most 20,000 rows, 8 MB.
        this.officialPages = Caffeine.newBuilder()
                .maximumWeight(20_000)
                .weigher((Key key, List<PartnerRow> rows) -> rows.size() + 1)
                .buildAsync();
    }

    @Override
    public long registryVersion() {
        return database.registryVersion();
    }

    @Override
    public long[] orderedIds(DirectoryFilter filter, List<DirectorySort> sort) {
        return remembered(orders, new Key("order", List.of(filter, List.copyOf(sort)), version()),
                () -> database.orderedIds(filter, sort));
    }

    @Override
    public ListTotals totals(DirectoryFilter filter) {
        return summary("totals", filter, () -> database.totals(filter));
    }

    @Override
    public Statistics statistics(DirectoryFilter filter, int topCountries) {
        return summary("statistics", List.of(filter, topCountries), () -> database.statistics(filter, topCountries));
    }

    @Override
    public ExchangeStatistics exchangeStatistics(DirectoryFilter filter, int top) {
        return summary("exchangeStatistics", List.of(filter, top), () -> database.exchangeStatistics(filter, top));
    }

    @Override
    public List<CountryPoint> countryPoints(DirectoryFilter filter) {
        return summary("countryPoints", filter, () -> database.countryPoints(filter));
    }

    /** One set of day counts (a few hundred kilobytes at a million agreements) for every page of today's lists. */
    @Override
    public ListNumbers listNumbers() {
        return summary("listNumbers", "", database::listNumbers);
    }

    /** An earlier date's month counts (a few thousand entries), for every page of that date's lists. */
    @Override
    public ListNumbers listNumbersOn(LocalDate asOf) {
        return remembered(numbersOn, new Key("listNumbersOn", asOf, version()), () -> database.listNumbersOn(asOf));
    }

    /** One list shared by every visitor's country filter (a list per visitor would be most of a UI's memory). */
    @Override
    public List<CountryOption> countries() {
        return summary("countries", "", database::countries);
    }

    @Override
    public List<PartnerRow> officialPage(OfficialPage page, Function<ListNumbers, List<PartnerRow>> read) {
        // The page and the numbers it is read with are of one version, read once.
        long version = version();
        return remembered(officialPages, new Key("officialPage", page, version), () -> List.copyOf(
                read.apply(summaryAt(version, "listNumbers", "", database::listNumbers))));
    }

    private <T> T summary(String what, Object query, Supplier<T> read) {
        return summaryAt(version(), what, query, read);
    }

    @SuppressWarnings("unchecked")
    private <T> T summaryAt(long version, String what, Object query, Supplier<T> read) {
        return (T) remembered(summaries, new Key(what, query, version), read::get);
    }

    /** The current version; the first time it is seen, every result of an older one is let go. */
    private long version() {
        long version = database.registryVersion();
        long before = newestVersion.getAndAccumulate(version, Math::max);
        if (version > before) {
            orders.synchronous().asMap().keySet().removeIf(key -> key.version() < version);
            summaries.synchronous().asMap().keySet().removeIf(key -> key.version() < version);
            numbersOn.synchronous().asMap().keySet().removeIf(key -> key.version() < version);
            officialPages.synchronous().asMap().keySet().removeIf(key -> key.version() < version);
        }
        return version;
    }

    private static <V> V remembered(AsyncCache<Key, V> cache, Key key, Supplier<V> read) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> known = cache.asMap().putIfAbsent(key, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                // The visitor who read it failed (and its future is gone from the cache): read it here.
                return read.get();
            }
        }
        try {
            V value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error failure) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(failure);
            throw failure;
        }
    }
}
