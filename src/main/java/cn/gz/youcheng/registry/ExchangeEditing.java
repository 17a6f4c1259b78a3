package cn.gz.youcheng.registry;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An exchange as the admin form edits it, with the version that guards against lost updates. */
public record ExchangeEditing(long id, long version, long partnerId, @Nullable Long agreementId, LocalDate startsOn,
        @Nullable LocalDate endsOn, ExchangeKind kind, Set<ExchangeTheme> themes, @Nullable String titleZh,
        @Nullable String titleEn, @Nullable String summaryZh, @Nullable String summaryEn, @Nullable String guangzhouUnit,
        @Nullable String partnerUnit, @Nullable Integer participants, @Nullable String sourceUrl, boolean published) {

    static ExchangeEditing of(Exchange exchange) {
        Agreement agreement = exchange.getAgreement();
        return new ExchangeEditing(exchange.getId(), exchange.getVersion(), exchange.getPartner().getId(),
                agreement == null ? null : agreement.getId(), exchange.getStartsOn(), exchange.getEndsOn(),
                exchange.getKind(), exchange.getThemes(), exchange.getTitleZh(), exchange.getTitleEn(),
                exchange.getSummaryZh(), exchange.getSummaryEn(), exchange.getGuangzhouUnit(), exchange.getPartnerUnit(),
                exchange.getParticipants(), exchange.getSourceUrl(), exchange.isPublished());
    }
}
