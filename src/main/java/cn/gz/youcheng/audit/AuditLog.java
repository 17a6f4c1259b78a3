package cn.gz.youcheng.audit;

import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.base.db.Like;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change, newest first: each revision of the registry (who committed it, when, and which partners it
 * touched through the partner, its agreements or their status history), and each change of an officer's
 * account (who did what to which account, from where). Account changes are for administrators only: the
 * record of who manages accounts is kept apart from the people it concerns (MLPS separates the auditor's role).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class AuditLog {


    private static final String TOUCHED = """
            (select pa.id as partner_id from partner_aud pa where pa.rev = r.id
             union select aa.partner_id from agreement_aud aa where aa.rev = r.id
             union select a.partner_id from agreement_status_change_aud sa
                   join agreement a on a.id = sa.agreement_id where sa.rev = r.id)
            """;

    public enum Kind {
        ALL, REGISTRY, ACCOUNTS
    }

    public record Filter(String username, LocalDate from, LocalDate to, String partner, Kind kind) {

        public Filter(String username, LocalDate from, LocalDate to, String partner) {
            this(username, from, to, partner, Kind.ALL);
        }
    }

    /**
     * A change of an account: the event (as recorded: {@code CREATED}, {@code ROLE_CHANGED}, …), the account,
     * and the roles before and after where the role changed.
     */
    public record AccountChange(String event, String account, String roleBefore, String roleAfter, String address) {
    }

    /** One line of the log: a registry revision (with its partners) or an account change. */
    public record Entry(long revision, OffsetDateTime at, String username, String comment, int partnerCount,
            List<String> partners, Optional<AccountChange> account) {
    }

    private final JdbcClient jdbc;

    AuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<Entry> page(Filter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        if (filter.kind() != Kind.ACCOUNTS) {
            parts.add("""
                    select r.id, r.created_at as at, r.username, r.comment,
                           (select count(*) from %1$s t) as partner_count,
                           (select string_agg(p.name_zh, '、' order by p.id) from (
                                select p.id, p.name_zh from partner p where p.id in (select partner_id from %1$s t)
                                order by p.id limit 5) p) as partners,
                           null as event, null as account, null as role_before, null as role_after,
                           null as address
                    from revision r %2$s
                    """.formatted(TOUCHED, revisionWhere(filter, params)));
        }
        if (includesAccounts(filter)) {
            parts.add("""
                    select e.id, e.occurred_at as at, e.actor as username, null as comment, 0 as partner_count,
                           null as partners, e.event, e.account, e.role_before, e.role_after, e.address
                    from account_event e %s
                    """.formatted(accountWhere(filter, params)));
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(String.join(" union all ", parts) + " order by at desc, id desc offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> {
                    String event = rs.getString("event");
                    Optional<AccountChange> account = event == null ? Optional.empty()
                            : Optional.of(new AccountChange(event, rs.getString("account"), rs.getString("role_before"),
                                    rs.getString("role_after"), rs.getString("address")));
                    String partners = rs.getString("partners");
                    return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
                            rs.getString("comment"), rs.getInt("partner_count"),
                            partners == null ? List.of() : List.of(partners.split("、")), account);
                })
                .list();
    }

    public int count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        int count = 0;
        if (filter.kind() != Kind.ACCOUNTS) {
            count += jdbc.sql("select count(*) from revision r " + revisionWhere(filter, params))
                    .params(params).query(Integer.class).single();
        }
        if (includesAccounts(filter)) {
            count += jdbc.sql("select count(*) from account_event e " + accountWhere(filter, params))
                    .params(params).query(Integer.class).single();
        }
        return count;
    }

    /** Everyone who changed something: officers, and {@code system}. */
    public List<String> usernames() {
        return jdbc.sql(administrator() ? "select username from revision union select actor from account_event order by 1"
                : "select distinct username from revision order by 1")
                // Both columns are not null in the schema.
                .query((rs, i) -> rs.getString(1)).list();
    }

    /** Whether the signed-in officer may see account changes: administrators only. */
    public boolean showsAccounts() {
        return administrator();
    }

    private static boolean includesAccounts(Filter filter) {
        return filter.kind() != Kind.REGISTRY && blank(filter.partner()) && administrator();
    }

    private static boolean administrator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    private static String revisionWhere(Filter filter, Map<String, Object> params) {
        List<String> conditions = common(filter, params, "r.username", "r.created_at");
        if (!blank(filter.partner())) {
            params.put("partner", Like.containing(filter.partner().strip()));
            conditions.add("exists (select 1 from partner p where (p.name_zh ilike :partner or p.name_en ilike :partner)"
                    + " and p.id in (select partner_id from " + TOUCHED + " t))");
        }
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    private static String accountWhere(Filter filter, Map<String, Object> params) {
        List<String> conditions = common(filter, params, "e.actor", "e.occurred_at");
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    private static List<String> common(Filter filter, Map<String, Object> params, String user, String at) {
        List<String> conditions = new ArrayList<>();
        if (!blank(filter.username())) {
            params.put("username", filter.username());
            conditions.add(user + " = :username");
        }
        if (filter.from() != null) {
            params.put("from", filter.from().atStartOfDay(Guangzhou.ZONE).toOffsetDateTime());
            conditions.add(at + " >= :from");
        }
        if (filter.to() != null) {
            params.put("to", filter.to().plusDays(1).atStartOfDay(Guangzhou.ZONE).toOffsetDateTime());
            conditions.add(at + " < :to");
        }
        return conditions;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
