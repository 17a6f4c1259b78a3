package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** One partner as the public sees it: its names and place, every agreement with its status history. */
@Service
// One snapshot per call: today's numbers are added up from day counts remembered per registry version, and
// the version, the counts and the rows must all be read from the same state of the registry.
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("permitAll()")
public class PartnerDetailsQueries {

    private final DirectoryDatabase database;
    private final SharedReads shared;

    PartnerDetailsQueries(DirectoryDatabase database, SharedReads shared) {
        this.database = database;
        this.shared = shared;
    }

    /** A partner as it stands today. */
    public Optional<PartnerDetails> partnerToday(long id) {
        return partner(id, database.today());
    }

    /** A partner with every agreement and its status history, and where it stood on the date. */
    public Optional<PartnerDetails> partner(long id, LocalDate asOf) {
        Optional<PartnerRow> standing = PartnerRows.of(database, shared, List.of(id), asOf).stream().findFirst();
        return database.run("""
                        select p.id, p.name_zh, p.name_en, c.iso2, c.name_zh as country_zh, c.name_en as country_en,
                               c.continent, p.admin_level, p.latitude, p.longitude, p.coordinate_source,
                               p.geonames_id, p.wikidata_qid
                        from partner p join country c on c.iso2 = p.country_iso2
                        where p.id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new PartnerDetails(rs.getLong("id"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("iso2"), rs.getString("country_zh"),
                        rs.getString("country_en"), Continent.valueOf(rs.getString("continent")),
                        AdminLevel.valueOf(rs.getString("admin_level")), rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class), rs.getString("coordinate_source"),
                        rs.getObject("geonames_id", Long.class), rs.getString("wikidata_qid"), standing.orElse(null), agreements(id)))
                .optional();
    }

    /** What the public page shows of a partner's agreements: never an internal note. */
    private List<PartnerDetails.AgreementDetails> agreements(long partnerId) {
        Map<Long, List<PartnerDetails.StatusStep>> history = new HashMap<>();
        database.run("""
                        select sc.agreement_id, sc.status, sc.effective_on, sc.reason
                        from agreement_status_change sc join agreement a on a.id = sc.agreement_id
                        where a.partner_id = :id
                        order by sc.effective_on, sc.id
                        """)
                .param("id", partnerId)
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong("agreement_id"), k -> new ArrayList<>())
                            .add(new PartnerDetails.StatusStep(AgreementStatus.valueOf(rs.getString("status")),
                                    rs.getObject("effective_on", LocalDate.class), rs.getString("reason")));
                });
        return database.run("""
                        select id, kind, signed_on, place_signed, source, status
                        from agreement where partner_id = :id order by signed_on, id
                        """)
                .param("id", partnerId)
                .query((rs, i) -> new PartnerDetails.AgreementDetails(rs.getLong("id"),
                        AgreementKind.valueOf(rs.getString("kind")), rs.getObject("signed_on", LocalDate.class),
                        rs.getString("place_signed"), rs.getString("source"),
                        AgreementStatus.valueOf(rs.getString("status")),
                        List.copyOf(history.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }
}
