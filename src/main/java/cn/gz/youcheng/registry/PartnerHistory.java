package cn.gz.youcheng.registry;

import org.jspecify.annotations.Nullable;
import cn.gz.youcheng.audit.Revision;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what of a partner and when, from the audit trail: every revision of the partner, of its
 * agreements and of its exchanges, each field with its value before and after.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class PartnerHistory {

    /** One audited change of the partner or one of its agreements. */
    public record Entry(long revision, Instant at, String username, @Nullable String comment, String subject,
            RevisionType type, List<FieldChange> changes) {
    }

    public record FieldChange(String field, @Nullable String before, @Nullable String after) {
    }

    private static final Map<String, Function<Partner, Object>> PARTNER_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<Agreement, Object>> AGREEMENT_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<Exchange, Object>> EXCHANGE_FIELDS = new LinkedHashMap<>();

    static {
        PARTNER_FIELDS.put("nameZh", Partner::getNameZh);
        PARTNER_FIELDS.put("nameEn", Partner::getNameEn);
        PARTNER_FIELDS.put("country", p -> p.getCountry() == null ? null : p.getCountry().getIso2());
        PARTNER_FIELDS.put("adminLevel", Partner::getAdminLevel);
        PARTNER_FIELDS.put("latitude", Partner::getLatitude);
        PARTNER_FIELDS.put("longitude", Partner::getLongitude);
        PARTNER_FIELDS.put("geonamesId", Partner::getGeonamesId);
        PARTNER_FIELDS.put("wikidataQid", Partner::getWikidataQid);
        AGREEMENT_FIELDS.put("kind", Agreement::getKind);
        AGREEMENT_FIELDS.put("signedOn", Agreement::getSignedOn);
        AGREEMENT_FIELDS.put("placeSigned", Agreement::getPlaceSigned);
        AGREEMENT_FIELDS.put("source", Agreement::getSource);
        AGREEMENT_FIELDS.put("internalNote", Agreement::getInternalNote);
        AGREEMENT_FIELDS.put("status", Agreement::getStatus);
        EXCHANGE_FIELDS.put("startsOn", Exchange::getStartsOn);
        EXCHANGE_FIELDS.put("endsOn", Exchange::getEndsOn);
        EXCHANGE_FIELDS.put("exchangeKind", Exchange::getKind);
        EXCHANGE_FIELDS.put("themes", exchange -> ExchangeTheme.codes(exchange.getThemes()));
        EXCHANGE_FIELDS.put("titleZh", Exchange::getTitleZh);
        EXCHANGE_FIELDS.put("titleEn", Exchange::getTitleEn);
        EXCHANGE_FIELDS.put("summaryZh", Exchange::getSummaryZh);
        EXCHANGE_FIELDS.put("summaryEn", Exchange::getSummaryEn);
        EXCHANGE_FIELDS.put("guangzhouUnit", Exchange::getGuangzhouUnit);
        EXCHANGE_FIELDS.put("partnerUnit", Exchange::getPartnerUnit);
        EXCHANGE_FIELDS.put("participants", Exchange::getParticipants);
        EXCHANGE_FIELDS.put("sourceUrl", Exchange::getSourceUrl);
        EXCHANGE_FIELDS.put("published", Exchange::isPublished);
    }

    @SuppressWarnings("NullAway.Init") // injected by JPA
    @PersistenceContext
    private EntityManager entityManager;

    /** Newest first. */
    public List<Entry> of(long partnerId) {
        AuditReader reader = AuditReaderFactory.get(entityManager);
        List<Entry> entries = new ArrayList<>();
        List<?> partnerRevisions = reader.createQuery().forRevisionsOfEntity(Partner.class, false, true)
                .add(AuditEntity.id().eq(partnerId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        entries.addAll(diff(partnerRevisions, PARTNER_FIELDS, p -> "partner"));
        List<?> agreementRevisions = reader.createQuery().forRevisionsOfEntity(Agreement.class, false, true)
                .add(AuditEntity.relatedId("partner").eq(partnerId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Long, List<Object>> byAgreement = new LinkedHashMap<>();
        for (Object row : agreementRevisions) {
            byAgreement.computeIfAbsent(((Agreement) ((Object[]) row)[0]).getId(), id -> new ArrayList<>()).add(row);
        }
        byAgreement.values().forEach(rows -> entries.addAll(diff(rows, AGREEMENT_FIELDS, a -> "agreement:" + a.getId())));
        List<?> exchangeRevisions = reader.createQuery().forRevisionsOfEntity(Exchange.class, false, true)
                .add(AuditEntity.relatedId("partner").eq(partnerId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Long, List<Object>> byExchange = new LinkedHashMap<>();
        for (Object row : exchangeRevisions) {
            byExchange.computeIfAbsent(((Exchange) ((Object[]) row)[0]).getId(), id -> new ArrayList<>()).add(row);
        }
        byExchange.values().forEach(rows -> entries.addAll(diff(rows, EXCHANGE_FIELDS, e -> "exchange:" + e.getId())));
        entries.sort(Comparator.comparingLong(Entry::revision).reversed().thenComparing(Entry::subject));
        return entries;
    }

    private static <T> List<Entry> diff(List<?> rows, Map<String, Function<T, Object>> fields,
            Function<T, String> subject) {
        List<Entry> entries = new ArrayList<>();
        T previous = null;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            @SuppressWarnings("unchecked")
            T state = (T) columns[0];
            Revision revision = (Revision) columns[1];
            RevisionType type = (RevisionType) columns[2];
            List<FieldChange> changes = new ArrayList<>();
            for (var field : fields.entrySet()) {
                Object before = previous == null || type == RevisionType.ADD ? null : field.getValue().apply(previous);
                Object after = type == RevisionType.DEL ? null : field.getValue().apply(state);
                if (!Objects.equals(before, after)) {
                    changes.add(new FieldChange(field.getKey(), text(before), text(after)));
                }
            }
            if (!changes.isEmpty() || type != RevisionType.MOD) {
                entries.add(new Entry(revision.getId(), revision.getCreatedAt(), revision.getUsername(),
                        revision.getComment(), subject.apply(state), type, changes));
            }
            previous = state;
        }
        return entries;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
