package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AgreementKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed in the published lists, as the registry's history recorded it: each new agreement, upgrade,
 * suspension, end and reinstatement, latest recorded first — the change feed and the changes page. Only what
 * the partner page publishes: the effective day and the reason, never an internal note. An upgrade is one
 * change (the sister-city agreement), not two: the memorandum it supersedes is not listed on its own.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class PublicChanges {

    /** What kind of change, in the office's words. */
    public enum Kind {
        /** The first agreement with a new partner. */
        NEW_PARTNER,
        /** Another agreement with a partner, not an upgrade (after an earlier one ended, say). */
        SIGNED,
        /** A sister-city agreement superseding the partner's exchange memorandum (升级). */
        UPGRADED,
        SUSPENDED,
        TERMINATED,
        REINSTATED
    }

    /**
     * One change: its id (a status change's, stable for life), what it did to which partner and agreement, the
     * day it took effect, when it was recorded, and its published reason.
     */
    public record Change(long id, Kind kind, long partnerId, String nameZh, String nameEn, String countryZh,
            String countryEn, AgreementKind agreementKind, LocalDate effectiveOn, Instant recordedAt,
            @Nullable String reason) {
    }

    private final JdbcClient jdbc;

    PublicChanges(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Changes from the {@code offset}-th latest recorded; changes recorded at once (an import, the seed
     * load) latest effective first. The history's revisions are numbered in the order they were recorded, so
     * the newest are read backwards along its primary key, whatever its size.
     */
    public List<Change> latest(int offset, int limit) {
        return jdbc.sql("""
                        select sc.id, sc.status, sc.effective_on, sc.reason, a.kind, p.id as partner_id, p.name_zh,
                               p.name_en, c.name_zh as country_zh, c.name_en as country_en, r.created_at,
                               sc.id = (select min(f.id) from agreement_status_change f where f.agreement_id = a.id)
                                   as first_step,
                               exists (select 1 from agreement m where m.partner_id = a.partner_id
                                       and m.superseded_by_id = a.id) as upgrade,
                               exists (select 1 from agreement o where o.partner_id = a.partner_id and o.id <> a.id
                                       and (o.signed_on, o.id) < (a.signed_on, a.id)) as earlier_agreement
                        from agreement_status_change_aud h
                        join agreement_status_change sc on sc.id = h.id
                        join revision r on r.id = h.rev
                        join agreement a on a.id = sc.agreement_id
                        join partner p on p.id = a.partner_id
                        join country c on c.iso2 = p.country_iso2
                        where h.revtype = 0 and sc.status <> 'SUPERSEDED'
                        order by h.rev desc, sc.effective_on desc, h.id desc
                        offset :offset limit :limit
                        """)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new Change(rs.getLong("id"),
                        kind(rs.getString("status"), rs.getBoolean("first_step"), rs.getBoolean("upgrade"),
                                rs.getBoolean("earlier_agreement")),
                        rs.getLong("partner_id"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getString("country_zh"), rs.getString("country_en"), AgreementKind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("reason")))
                .list();
    }

    private static Kind kind(String status, boolean firstStep, boolean upgrade, boolean earlierAgreement) {
        return switch (status) {
            case "SUSPENDED" -> Kind.SUSPENDED;
            case "TERMINATED" -> Kind.TERMINATED;
            case "ACTIVE" -> !firstStep ? Kind.REINSTATED : upgrade ? Kind.UPGRADED
                    : earlierAgreement ? Kind.SIGNED : Kind.NEW_PARTNER;
            default -> throw new IllegalStateException("a change to " + status + " is not published on its own");
        };
    }
}
