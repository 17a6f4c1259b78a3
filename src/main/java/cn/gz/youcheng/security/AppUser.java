package cn.gz.youcheng.security;

import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An officer who can sign in. Only a hash of the password is kept. Every change that should end the
 * account's sessions (role, enabled, password, second factor, signing out everywhere) goes through
 * {@link #revokeSessions()}; the sessions compare the {@code credentialsVersion} they signed in with.
 */
@Entity
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // given by the database when the row is first saved
    private Long id;

    private String username;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled = true;

    private Instant createdAt;

    private Instant passwordChangedAt;

    private long credentialsVersion;

    private boolean mustChangePassword;

    private @Nullable String totpSecret;

    private @Nullable Instant totpEnrolledAt;

    private @Nullable Long totpLastStep;

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    /** A new password chosen or set for the account: its other sessions end. */
    void setPassword(String passwordHash, boolean mustChange, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = mustChange;
        revokeSessions();
    }

    /** The same password, hashed again with today's algorithm: not a change of the account. */
    void rehashPassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
        revokeSessions();
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        revokeSessions();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    long getCredentialsVersion() {
        return credentialsVersion;
    }

    /** Every session signed in before now ends at its next request, on every instance. */
    void revokeSessions() {
        credentialsVersion++;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    boolean hasSecondFactor() {
        return totpSecret != null;
    }

    // The last accepted step is changed by AppUserRepository.spendTotpStep, atomically and without
    // counting as a change of the account.
    @Nullable String getTotpSecret() {
        return totpSecret;
    }

    @Nullable Long getTotpLastStep() {
        return totpLastStep;
    }

    void enrolSecondFactor(String secret, long confirmedStep, Instant now) {
        this.totpSecret = secret;
        this.totpEnrolledAt = now;
        this.totpLastStep = confirmedStep;
        revokeSessions();
    }

    void removeSecondFactor() {
        this.totpSecret = null;
        this.totpEnrolledAt = null;
        this.totpLastStep = null;
        revokeSessions();
    }

    public @Nullable Instant getTotpEnrolledAt() {
        return totpEnrolledAt;
    }

    public long getVersion() {
        return version;
    }
}
