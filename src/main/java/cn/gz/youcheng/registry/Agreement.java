package cn.gz.youcheng.registry;

import org.jspecify.annotations.Nullable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.envers.Audited;

/** What was signed with a partner, on a date, of a kind; its status changes over time. */
@Entity
@Audited
public class Agreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // given by the database when the row is first saved
    private Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partner partner;

    @NotNull
    @Enumerated(EnumType.STRING)
    private AgreementKind kind;

    @NotNull
    private LocalDate signedOn;

    private @Nullable String placeSigned;

    private @Nullable String source;

    /** For the office only: never shown on a public page, in a download or in a feed. */
    private @Nullable String internalNote;

    @NotNull
    @Enumerated(EnumType.STRING)
    private AgreementStatus status;

    @OneToOne(fetch = FetchType.LAZY)
    private @Nullable Agreement supersededBy;

    @Version
    private long version;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL)
    @OrderBy("effectiveOn, id")
    private List<AgreementStatusChange> statusChanges = new ArrayList<>();

    protected Agreement() {
    }

    Agreement(Partner partner, AgreementKind kind, LocalDate signedOn) {
        this.partner = Objects.requireNonNull(partner);
        this.kind = Objects.requireNonNull(kind);
        this.signedOn = Objects.requireNonNull(signedOn);
        this.status = AgreementStatus.ACTIVE;
        changeStatus(AgreementStatus.ACTIVE, signedOn, null);
    }

    /**
     * Moves the agreement to a new status from the given date on, keeping the earlier statuses as history
     * so that the lists can be shown as they stood on any date.
     */
    public AgreementStatusChange changeStatus(AgreementStatus newStatus, LocalDate effectiveOn, @Nullable String reason) {
        Objects.requireNonNull(newStatus);
        Objects.requireNonNull(effectiveOn);
        if (effectiveOn.isBefore(signedOn)) {
            throw new IllegalArgumentException("a status cannot take effect before the signing date " + signedOn);
        }
        if (!statusChanges.isEmpty()) {
            AgreementStatusChange latest = statusChanges.getLast();
            if (effectiveOn.isBefore(latest.getEffectiveOn())) {
                throw new IllegalArgumentException(
                        "a status cannot take effect before the previous change on " + latest.getEffectiveOn());
            }
        }
        AgreementStatusChange change = new AgreementStatusChange(this, newStatus, effectiveOn, reason);
        statusChanges.add(change);
        this.status = newStatus;
        return change;
    }

    public Long getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public AgreementKind getKind() {
        return kind;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    /** Corrects the signing date; the agreement's history then starts on the new date. */
    public void moveSigningDate(LocalDate newDate) {
        Objects.requireNonNull(newDate);
        if (statusChanges.size() > 1 && newDate.isAfter(statusChanges.get(1).getEffectiveOn())) {
            throw new IllegalArgumentException("signing date after the first status change");
        }
        this.signedOn = newDate;
        statusChanges.getFirst().moveTo(newDate);
    }

    /** The date of the latest status change: a new change cannot take effect before it. */
    public LocalDate latestChangeOn() {
        return statusChanges.getLast().getEffectiveOn();
    }

    /** This agreement is replaced by a later one with the same partner (an upgrade), from its signing date. */
    void supersede(Agreement successor) {
        changeStatus(AgreementStatus.SUPERSEDED, successor.getSignedOn(), "superseded by agreement of "
                + successor.getSignedOn());
        this.supersededBy = successor;
    }

    public @Nullable String getPlaceSigned() {
        return placeSigned;
    }

    public void setPlaceSigned(@Nullable String placeSigned) {
        this.placeSigned = placeSigned;
    }

    public @Nullable String getSource() {
        return source;
    }

    public void setSource(@Nullable String source) {
        this.source = source;
    }

    public @Nullable String getInternalNote() {
        return internalNote;
    }

    public void setInternalNote(@Nullable String internalNote) {
        this.internalNote = internalNote;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    public @Nullable Agreement getSupersededBy() {
        return supersededBy;
    }

    public long getVersion() {
        return version;
    }

    public List<AgreementStatusChange> getStatusChanges() {
        return Collections.unmodifiableList(statusChanges);
    }
}
