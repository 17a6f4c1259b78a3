package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.CountryOption;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The reads that are the same for every visitor until the registry changes, and costly enough at a million
 * partners (an ordering or a GROUP BY over all of them) to be shared: {@link DatabaseReads} reads them,
 * {@link CachedReads} remembers them per registry version.
 */
interface SharedReads {

    /**
     * The registry's version: counted up in the same transaction as every change of partners, agreements,
     * their history or countries (V6), so that a version is never seen before the data it stands for.
     */
    long registryVersion();

    /** The partners a filter selects, in the order asked for (the official order breaks ties), as ids. */
    long[] orderedIds(DirectoryFilter filter, List<DirectorySort> sort);

    ListTotals totals(DirectoryFilter filter);

    /** Per-year, per-continent and top-country counts of the rows a filter selects. */
    Statistics statistics(DirectoryFilter filter, int topCountries);

    ExchangeStatistics exchangeStatistics(DirectoryFilter filter, int top);

    /** The partners a filter selects with coordinates, as one point per country. */
    List<CountryPoint> countryPoints(DirectoryFilter filter);

    /** Today's 序 of both lists, from their day counts. */
    ListNumbers listNumbers();

    /** An earlier date's 序 of both lists, from their month counts (V16). */
    ListNumbers listNumbersOn(LocalDate asOf);

    /** The countries that have partners, by ISO code. */
    List<CountryOption> countries();

    /**
     * Rows of today's official lists, as {@code read} reads them with today's numbers: the pages every
     * visitor's first screen shows, which are the same for all of them until the registry changes.
     */
    List<PartnerRow> officialPage(OfficialPage page, Function<ListNumbers, List<PartnerRow>> read);

    /** A page of today's official lists: the order (official without a sort), and which rows of it. */
    record OfficialPage(@Nullable DirectorySort sort, int offset, int limit) {
    }
}
