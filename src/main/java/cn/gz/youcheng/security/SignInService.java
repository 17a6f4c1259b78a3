package cn.gz.youcheng.security;

import cn.gz.youcheng.base.LogSafe;
import cn.gz.youcheng.security.AccountEvents.Event;
import cn.gz.youcheng.security.SignInThrottle.Factor;
import cn.gz.youcheng.security.SignInThrottle.Reservation;
import cn.gz.youcheng.security.repository.AppUserRepository;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in, one step at a time: the password; then the code of the second factor, if the account has one;
 * then a new password, if the account must choose one; then setting up a second factor, if the account is an
 * administrator's without one. Only when every step is done is there an {@link Authentication} for the session;
 * until then the sign-in view holds a {@link PendingSignIn}, in the server's memory only.
 */
@Service
public class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);
    /** A sign-in left half-way is forgotten this long after its last step. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    /** At most this many sign-ins wait out their delay at once; more are asked to try again in a moment. */
    static final int MOST_WAITING = 32;
    /** At most this many passwords are hashed at once: each Argon2 hash takes 16 MB for its moment. */
    static final int MOST_HASHING = 8;
    /** Longer than any password the policy allows many times over; not worth hashing. */
    private static final int MOST_CHARACTERS = 1024;

    public enum Step {
        CODE, NEW_PASSWORD, ENROL, DONE
    }

    /** A completed sign-in: the officer for the session, and the browser's device cookie to set. */
    public record SignedIn(Authentication authentication, String deviceCookie) {
    }

    /** A sign-in under way: whose, from where, and what is still to do. Only this service changes it. */
    public static final class PendingSignIn implements Serializable {

        private final long userId;
        private final String username;
        private final ClientAddress address;
        private final Optional<String> device;
        private Instant lastStepAt;
        private long credentialsVersion;
        private Step next = Step.CODE;
        private SecondFactor.@Nullable Enrolment enrolment;

        private PendingSignIn(AppUser user, ClientAddress address, Optional<String> device, Instant now) {
            this.userId = user.getId();
            this.username = user.getUsername();
            this.address = address;
            this.device = device;
            this.lastStepAt = now;
            this.credentialsVersion = user.getCredentialsVersion();
        }

        public Step next() {
            return next;
        }

        public String username() {
            return username;
        }
    }

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final SecondFactor secondFactor;
    private final RecoveryCodes recoveryCodes;
    private final AccountEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeviceCookies deviceCookies;
    private final Semaphore waiting = new Semaphore(MOST_WAITING);
    private final Semaphore hashing = new Semaphore(MOST_HASHING, true);
    private volatile @Nullable String unknownAccountHash;

    SignInService(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            SignInThrottle throttle, SecondFactor secondFactor, RecoveryCodes recoveryCodes, AccountEvents events,
            DeviceCookies deviceCookies, TransactionTemplate transactions, Clock clock) {
        this.deviceCookies = deviceCookies;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.recoveryCodes = recoveryCodes;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The first step.
     *
     * @param deviceCookie the browser's device cookie ({@link DeviceCookies}), if it sent one
     * @throws SignInThrottledException if this account or address has failed too often (nothing was checked)
     * @throws SignInFailedException if the name or password is wrong, or the account is disabled
     */
    @PreAuthorize("permitAll()")
    public PendingSignIn checkPassword(String username, String password, ClientAddress address,
            @Nullable String deviceCookie) {
        String typed = SignInThrottle.bounded(username);
        Optional<AppUser> account = transactions.execute(status -> users.findByUsername(typed));
        Optional<String> device = account.flatMap(user -> deviceCookies.device(deviceCookie, user.getId()));
        Reservation reservation = reserve(typed, address, device, Factor.PASSWORD);
        boolean right = matches(password, account.map(AppUser::getPasswordHash).orElse(null), reservation);
        if (!right || account.isEmpty() || !account.get().isEnabled()) {
            throttle.failed(reservation);
            log.warn("Sign-in failed for {} from {}{}: {}", LogSafe.of(typed), address, device.isPresent() ? " (known browser)" : "",
                    account.isEmpty() ? "no such account" : right ? "account disabled" : "wrong password");
            throw new SignInFailedException(SignInFailedException.Reason.WRONG_PASSWORD);
        }
        AppUser user = account.get();
        if (passwordEncoder.upgradeEncoding(user.getPasswordHash())) {
            rehash(user.getId(), password);
        }
        PendingSignIn pending = new PendingSignIn(user, address, device, clock.instant());
        if (user.hasSecondFactor()) {
            throttle.passed(reservation);
        } else {
            throttle.succeeded(reservation);
        }
        pending.next = after(user, Step.CODE, pending);
        return pending;
    }

    /** For a signed-in officer about to change how they sign in: their password once more, throttled alike. */
    @PreAuthorize("isAuthenticated()")
    public boolean confirmPassword(String username, String password, ClientAddress address) {
        Optional<AppUser> account = transactions.execute(status -> users.findByUsername(username));
        Reservation reservation = reserve(username, address, Optional.empty(), Factor.PASSWORD);
        if (account.isPresent() && matches(password, account.get().getPasswordHash(), reservation)) {
            throttle.succeeded(reservation);
            return true;
        }
        throttle.failed(reservation);
        log.warn("Password confirmation failed for {} from {}", LogSafe.of(username), address);
        return false;
    }

    /**
     * The code from the authenticator app, or one of the recovery codes.
     *
     * @throws SignInThrottledException if this account or address has failed too often (nothing was checked)
     * @throws SignInFailedException if the code is wrong or was used before
     */
    @PreAuthorize("permitAll()")
    public PendingSignIn checkCode(PendingSignIn pending, String code) {
        expect(pending, Step.CODE);
        Reservation reservation = reserve(pending.username, pending.address, pending.device, Factor.CODE);
        boolean recovery = SecondFactor.looksLikeRecoveryCode(code);
        if (!recovery && reservation.wrongCodes() >= SignInThrottle.CODE_LIMIT) {
            throttle.released(reservation);
            log.warn("Code refused for {} from {}: {} wrong codes today; a recovery code is needed",
                    pending.username, pending.address, reservation.wrongCodes());
            throw new SignInFailedException(SignInFailedException.Reason.CODES_EXHAUSTED);
        }
        Boolean right = transactions.execute(status -> {
            AppUser user = current(pending);
            if (recovery) {
                if (!recoveryCodes.use(user, code)) {
                    return false;
                }
                events.recordByAccount(user, Event.RECOVERY_CODE_USED);
                log.warn("{} signed in with a recovery code; {} left", user.getUsername(), recoveryCodes.unused(user));
                return true;
            }
            OptionalLong step = secondFactor.acceptedStep(
                    Objects.requireNonNull(user.getTotpSecret(), "the code step is for accounts with a second factor"),
                    code, user.getTotpLastStep());
            // Spent at once and only if no parallel attempt spent it (or a later one) first.
            return step.isPresent() && users.spendTotpStep(user.getId(), step.getAsLong()) == 1;
        });
        if (!Boolean.TRUE.equals(right)) {
            throttle.failed(reservation);
            log.warn("Sign-in failed for {} from {}: wrong {}", LogSafe.of(pending.username), pending.address,
                    recovery ? "recovery code" : "code");
            throw new SignInFailedException(SignInFailedException.Reason.WRONG_CODE);
        }
        throttle.succeeded(reservation);
        AppUser user = transactions.execute(status -> current(pending));
        pending.lastStepAt = clock.instant();
        pending.next = after(user, Step.NEW_PASSWORD, pending);
        return pending;
    }

    /**
     * A new password in place of one somebody else chose (the first administrator's, or one reset by an
     * administrator).
     *
     * @throws UserException if the password is not acceptable, or is the one it replaces
     */
    @PreAuthorize("permitAll()")
    public PendingSignIn chooseNewPassword(PendingSignIn pending, String newPassword) {
        expect(pending, Step.NEW_PASSWORD);
        AppUser changed = transactions.execute(status -> {
            AppUser user = current(pending);
            policy.problem(newPassword, user.getUsername()).ifPresent(problem -> {
                throw new UserException(problem.key(), problem.detail().orElse(null));
            });
            if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
                throw new UserException("password.same-as-before");
            }
            user.setPassword(passwordEncoder.encode(newPassword), false, clock.instant());
            events.recordByAccount(user, Event.PASSWORD_CHANGED);
            return users.saveAndFlush(user);
        });
        log.info("{} chose a new password while signing in", changed.getUsername());
        pending.credentialsVersion = changed.getCredentialsVersion();
        pending.lastStepAt = clock.instant();
        pending.next = after(changed, Step.ENROL, pending);
        return pending;
    }

    /** The secret to set up, the same one until it is confirmed. */
    @PreAuthorize("permitAll()")
    public SecondFactor.Enrolment enrolment(PendingSignIn pending) {
        expect(pending, Step.ENROL);
        SecondFactor.Enrolment enrolment = pending.enrolment;
        if (enrolment == null) {
            enrolment = secondFactor.newEnrolment(pending.username);
            pending.enrolment = enrolment;
            pending.lastStepAt = clock.instant();
        }
        return enrolment;
    }

    /**
     * Confirms the second factor with a code from the authenticator; answers the recovery codes, to be shown
     * once.
     *
     * @throws SignInFailedException if the code is wrong
     */
    @PreAuthorize("permitAll()")
    public List<String> confirmEnrolment(PendingSignIn pending, String code) {
        expect(pending, Step.ENROL);
        SecondFactor.Enrolment enrolment = enrolment(pending);
        long step = secondFactor.acceptedStep(enrolment.secret(), code, null)
                .orElseThrow(() -> new SignInFailedException(SignInFailedException.Reason.WRONG_CODE));
        record Enrolled(AppUser user, List<String> codes) {
        }
        Enrolled enrolled = transactions.execute(status -> {
            AppUser user = current(pending);
            user.enrolSecondFactor(enrolment.secret(), step, clock.instant());
            List<String> codes = recoveryCodes.replace(user);
            events.recordByAccount(user, Event.SECOND_FACTOR_ENROLLED);
            return new Enrolled(users.saveAndFlush(user), codes);
        });
        log.info("{} set up a second factor while signing in", enrolled.user().getUsername());
        pending.credentialsVersion = enrolled.user().getCredentialsVersion();
        pending.enrolment = null;
        pending.lastStepAt = clock.instant();
        pending.next = Step.DONE;
        return enrolled.codes();
    }

    /** Every step is done: the signed-in officer, for the session, and the browser's device cookie. */
    @PreAuthorize("permitAll()")
    public SignedIn complete(PendingSignIn pending) {
        expect(pending, Step.DONE);
        AppUser user = transactions.execute(status -> current(pending));
        Officer officer = new Officer(user.getId(), user.getUsername(), user.getRole(), user.getCredentialsVersion(),
                clock.instant());
        log.info("Signed in: {} ({}) from {}", user.getUsername(), user.getRole(), pending.address);
        return new SignedIn(officer.authentication(), deviceCookies.issue(user.getId(), pending.device));
    }

    /** The next step from {@code from} on that this account needs. */
    private static Step after(AppUser user, Step from, PendingSignIn pending) {
        if (from.compareTo(Step.CODE) <= 0 && user.hasSecondFactor()) {
            return Step.CODE;
        }
        if (from.compareTo(Step.NEW_PASSWORD) <= 0 && user.mustChangePassword()) {
            return Step.NEW_PASSWORD;
        }
        if (from.compareTo(Step.ENROL) <= 0 && user.getRole() == Role.ADMIN && !user.hasSecondFactor()) {
            return Step.ENROL;
        }
        return Step.DONE;
    }

    private Reservation reserve(String username, ClientAddress address, Optional<String> device, Factor factor) {
        Reservation reservation;
        try {
            reservation = throttle.reserve(username, address, device, factor);
        } catch (SignInThrottledException refused) {
            log.warn("Sign-in refused for {} from {}: too many failures", LogSafe.of(username), address);
            throw refused;
        }
        if (!reservation.delay().isZero()) {
            // Failures against this account from many addresses: slow every attempt down, never refuse one.
            if (!waiting.tryAcquire()) {
                // Counted as a failure: asking again and again for a place must use up the address's attempts.
                throttle.failed(reservation);
                throw new SignInFailedException(SignInFailedException.Reason.BUSY);
            }
            try {
                log.info("Sign-in for {} from {} waits {} s: many recent failures for this account",
                        LogSafe.of(username), address, reservation.delay().toSeconds());
                Thread.sleep(reservation.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throttle.released(reservation);
                throw new SignInFailedException(SignInFailedException.Reason.BUSY);
            } finally {
                waiting.release();
            }
        }
        return reservation;
    }

    private boolean matches(String password, @Nullable String hash, Reservation reservation) {
        if (password == null || password.length() > MOST_CHARACTERS) {
            return false;
        }
        try {
            if (!hashing.tryAcquire(10, TimeUnit.SECONDS)) {
                throttle.failed(reservation);
                throw new SignInFailedException(SignInFailedException.Reason.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throttle.released(reservation);
            throw new SignInFailedException(SignInFailedException.Reason.BUSY);
        }
        try {
            if (hash == null) {
                // As long as for an account that exists, so that the time taken does not tell which do.
                passwordEncoder.matches(password, unknownAccountHash());
                return false;
            }
            return passwordEncoder.matches(password, hash);
        } catch (IllegalArgumentException e) {
            // A bcrypt hash from before Argon2 cannot take a password over 72 bytes: that one was never it.
            return false;
        } finally {
            hashing.release();
        }
    }

    private String unknownAccountHash() {
        String hash = unknownAccountHash;
        if (hash == null) {
            hash = Objects.requireNonNull(passwordEncoder.encode("no account has this password"));
            unknownAccountHash = hash;
        }
        return hash;
    }

    private void rehash(long userId, String password) {
        transactions.executeWithoutResult(status -> users.findById(userId).ifPresent(user -> {
            user.rehashPassword(passwordEncoder.encode(password));
            log.info("The password hash of {} was upgraded to Argon2id", user.getUsername());
        }));
    }

    /** The account as it is now; the sign-in ends if it was disabled or changed since it began. */
    private AppUser current(PendingSignIn pending) {
        AppUser user = users.findById(pending.userId)
                .orElseThrow(() -> new SignInFailedException(SignInFailedException.Reason.EXPIRED));
        if (!user.isEnabled() || user.getCredentialsVersion() != pending.credentialsVersion) {
            throw new SignInFailedException(SignInFailedException.Reason.EXPIRED);
        }
        return user;
    }

    private void expect(PendingSignIn pending, Step step) {
        if (pending == null || pending.next != step) {
            throw new IllegalStateException("this sign-in is not at step " + step);
        }
        if (clock.instant().isAfter(pending.lastStepAt.plus(PENDING_LIFETIME))) {
            throw new SignInFailedException(SignInFailedException.Reason.EXPIRED);
        }
    }
}
