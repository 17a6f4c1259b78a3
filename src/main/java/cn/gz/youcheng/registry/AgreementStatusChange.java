package cn.gz.youcheng.registry;

import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/**
 * One step in an agreement's status history, in valid time: the status it had from {@code effectiveOn} on.
 * Rows are added, and the first one moves only with a corrected signing date; they are versioned through
 * their agreement.
 */
@Entity
@Audited
public class AgreementStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // given by the database when the row is first saved
    private Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Agreement agreement;

    @NotNull
    @Enumerated(EnumType.STRING)
    private AgreementStatus status;

    @NotNull
    private LocalDate effectiveOn;

    /** Published with the status change, on the partner's public page. */
    private @Nullable String reason;

    /** For the office only: never published. */
    private @Nullable String internalNote;

    protected AgreementStatusChange() {
    }

    AgreementStatusChange(Agreement agreement, AgreementStatus status, LocalDate effectiveOn, @Nullable String reason) {
        this.agreement = agreement;
        this.status = status;
        this.effectiveOn = effectiveOn;
        this.reason = reason;
    }

    void moveTo(LocalDate effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public Long getId() {
        return id;
    }

    public Agreement getAgreement() {
        return agreement;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    public LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public @Nullable String getInternalNote() {
        return internalNote;
    }

    void setInternalNote(@Nullable String internalNote) {
        this.internalNote = internalNote;
    }
}
