package cn.gz.youcheng.registry.query;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dormant partnerships: partners on the lists, partners for longer than the setting's years, with no exchange
 * (published or internal: it is the office's activity) starting in those years up to today. The office sees
 * them in its area; the public only where the setting allows it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
@EnableConfigurationProperties(ExchangeSettings.class)
public class Dormancy {

    /**
     * Set by set, not partner by partner: the partners with an exchange in the years (one range of the index
     * by day) and each partner's first signing (one pass over the agreements) are read once and joined, where
     * a probe of both per standing took 17 s at a million (bench/results/2026-12-02-life-latency-csv.md).
     */
    private static final String DORMANT = """
            from partner_standing s
            join (select partner_id, min(signed_on) as first_signed from agreement group by partner_id) f
              on f.partner_id = s.partner_id
            where s.status = 'ACTIVE' and f.first_signed <= :since
              and not exists (select 1 from (select distinct e.partner_id from exchange e
                                             where e.starts_on >= :since and e.starts_on <= :today) recent
                              where recent.partner_id = s.partner_id)
            """;

    /** The same rule for one partner: two probes of its own rows. */
    private static final String ONE_DORMANT = """
            select exists (select 1 from partner_standing s
                           where s.partner_id = :id and s.status = 'ACTIVE'
                             and (select min(a.signed_on) from agreement a where a.partner_id = s.partner_id) <= :since
                             and not exists (select 1 from exchange e where e.partner_id = s.partner_id
                                             and e.starts_on >= :since and e.starts_on <= :today))
            """;

    private final DirectoryDatabase database;
    private final SharedReads shared;
    private final ExchangeSettings settings;
    /**
     * The dormant partners' ids in the official order, read once per registry version and day and shared by
     * every officer's grid, which pages them as slices (as decision record 0008's remembered orderings): a
     * page deep in the list is then no slower than the first.
     */
    private final AtomicReference<Ordered> ordered = new AtomicReference<>();

    private record Ordered(long version, LocalDate today, long[] ids) {
    }

    Dormancy(DirectoryDatabase database, SharedReads shared, ExchangeSettings settings) {
        this.database = database;
        this.shared = shared;
        this.settings = settings;
    }

    public int years() {
        return settings.dormantAfterYears();
    }

    /** How many partners are dormant today. */
    public int count() {
        return ids().length;
    }

    /** Dormant partners today in the official order, as the admin grid pages them. */
    public List<PartnerRow> page(int offset, int limit) {
        LocalDate today = database.today();
        long[] all = ids();
        if (offset >= all.length) {
            return List.of();
        }
        List<Long> ids = java.util.Arrays.stream(all, offset, Math.min(all.length, offset + limit)).boxed().toList();
        java.util.Map<Long, PartnerRow> rows = new java.util.HashMap<>();
        PartnerRows.of(database, shared, ids, today).forEach(row -> rows.put(row.id(), row));
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Today's dormant partners in the official order, read again only after a change or at midnight. */
    private long[] ids() {
        LocalDate today = database.today();
        long version = database.run("select version from registry_version").query(Long.class).single();
        Ordered known = ordered.get();
        if (known != null && known.version() == version && known.today().equals(today)) {
            return known.ids();
        }
        long[] ids = database.run("select s.partner_id " + DORMANT + " order by s.list_rank, s.signed_on, s.partner_id")
                .param("since", today.minusYears(years())).param("today", today)
                .query((rs, i) -> rs.getLong(1)).list().stream().mapToLong(Long::longValue).toArray();
        ordered.set(new Ordered(version, today, ids));
        return ids;
    }

    /**
     * Whether the public may be told that a partner is dormant: only where the setting allows it and the
     * partner is; the years asked about otherwise.
     */
    @PreAuthorize("permitAll()")
    public boolean dormantForThePublic(long partnerId) {
        if (!settings.dormancyPublic()) {
            return false;
        }
        LocalDate today = database.today();
        return database.run(ONE_DORMANT)
                .param("since", today.minusYears(years())).param("today", today).param("id", partnerId)
                .query(Boolean.class).single();
    }
}
