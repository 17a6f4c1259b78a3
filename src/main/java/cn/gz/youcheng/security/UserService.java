package cn.gz.youcheng.security;

import cn.gz.youcheng.base.LogSafe;
import cn.gz.youcheng.security.AccountEvents.Event;
import cn.gz.youcheng.security.repository.AppUserRepository;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' accounts. Managing them is for administrators; every officer manages their own password,
 * second factor and sessions. Every change is recorded as an account event and ends the account's sessions
 * (all of them, or the others when officers change their own account).
 */
@Service
@Transactional
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final String USERNAME_PATTERN = "[\\p{L}\\p{N}._@-]{2,64}";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final SecondFactor secondFactor;
    private final RecoveryCodes recoveryCodes;
    private final AccountEvents events;
    private final Clock clock;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy, SecondFactor secondFactor,
            RecoveryCodes recoveryCodes, AccountEvents events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.secondFactor = secondFactor;
        this.recoveryCodes = recoveryCodes;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        return users.findAll(Sort.by("username")).stream().map(UserSummary::of).toList();
    }

    /** The new account must set its own password at its first sign-in: the one given here was seen by two. */
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!name.matches(USERNAME_PATTERN)) {
            throw new UserException("users.error.username");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new UserException("users.error.taken");
        }
        checkPassword(password, name);
        AppUser user = new AppUser(name, passwordEncoder.encode(password), role, clock.instant());
        user.requirePasswordChange();
        user = users.saveAndFlush(user);
        events.recordCreated(user);
        log.info("User {} created account {} with role {}", currentUsername(), name, role);
        return UserSummary.of(user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary setEnabled(long id, boolean enabled, long version) {
        AppUser user = load(id, version);
        if (!enabled && user.getUsername().equalsIgnoreCase(currentUsername())) {
            throw new UserException("users.error.self");
        }
        if (!enabled && user.getRole() == Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        user.setEnabled(enabled);
        events.record(user, enabled ? Event.ENABLED : Event.DISABLED);
        log.info("User {} {} account {}", currentUsername(), enabled ? "enabled" : "disabled", user.getUsername());
        return UserSummary.of(users.saveAndFlush(user));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary changeRole(long id, Role role, long version) {
        AppUser user = load(id, version);
        Role before = user.getRole();
        if (before == role) {
            return UserSummary.of(user);
        }
        if (before == Role.ADMIN) {
            if (user.getUsername().equalsIgnoreCase(currentUsername())) {
                throw new UserException("users.error.self");
            }
            requireAnotherAdmin(user);
        }
        user.setRole(role);
        events.recordRoleChange(user, before, role);
        log.info("User {} gave account {} the role {}", currentUsername(), user.getUsername(), role);
        return UserSummary.of(users.saveAndFlush(user));
    }

    /** A temporary password: the officer must choose a new one at the next sign-in. Their sessions end. */
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary resetPassword(long id, String newPassword, long version) {
        AppUser user = load(id, version);
        checkPassword(newPassword, user.getUsername());
        user.setPassword(passwordEncoder.encode(newPassword), true, clock.instant());
        events.record(user, Event.PASSWORD_RESET);
        log.info("User {} reset the password of account {}", currentUsername(), user.getUsername());
        return UserSummary.of(users.saveAndFlush(user));
    }

    /**
     * For a lost authenticator: the officer's second factor and recovery codes are removed and their sessions
     * end; an administrator sets up a new one at the next sign-in.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary resetSecondFactor(long id, long version) {
        AppUser user = load(id, version);
        user.removeSecondFactor();
        recoveryCodes.removeAll(user);
        events.record(user, Event.SECOND_FACTOR_RESET);
        log.info("User {} reset the second factor of account {}", currentUsername(), user.getUsername());
        return UserSummary.of(users.saveAndFlush(user));
    }

    /** The signed-in officer's own account. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UserSummary me() {
        return UserSummary.of(current());
    }

    /** Ends the officer's other sessions; this one goes on. */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = current();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new UserException("password.wrong-current");
        }
        checkPassword(newPassword, user.getUsername());
        user.setPassword(passwordEncoder.encode(newPassword), false, clock.instant());
        events.record(user, Event.PASSWORD_CHANGED);
        log.info("User {} changed their password", user.getUsername());
        keepThisSession(users.saveAndFlush(user));
    }

    /** A second factor for an officer who has none (optional for editors). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SecondFactor.Enrolment startOwnEnrolment() {
        AppUser user = current();
        if (user.hasSecondFactor()) {
            throw new UserException("second-factor.error.already");
        }
        return secondFactor.newEnrolment(user.getUsername());
    }

    /** Confirms the enrolment with a code from the authenticator; answers the recovery codes, shown once. */
    @PreAuthorize("isAuthenticated()")
    public List<String> confirmOwnEnrolment(SecondFactor.Enrolment enrolment, String code) {
        AppUser user = current();
        if (user.hasSecondFactor()) {
            throw new UserException("second-factor.error.already");
        }
        long step = secondFactor.acceptedStep(enrolment.secret(), code, null)
                .orElseThrow(() -> new UserException("second-factor.error.wrong-code"));
        user.enrolSecondFactor(enrolment.secret(), step, clock.instant());
        List<String> codes = recoveryCodes.replace(user);
        events.record(user, Event.SECOND_FACTOR_ENROLLED);
        log.info("User {} set up a second factor", user.getUsername());
        keepThisSession(users.saveAndFlush(user));
        return codes;
    }

    /** New recovery codes replace the old ones, used or not; shown once. */
    @PreAuthorize("isAuthenticated()")
    public List<String> renewOwnRecoveryCodes() {
        AppUser user = current();
        if (!user.hasSecondFactor()) {
            throw new UserException("second-factor.error.none");
        }
        List<String> codes = recoveryCodes.replace(user);
        events.record(user, Event.RECOVERY_CODES_RENEWED);
        return codes;
    }

    /** Ends every session of the officer's account, this one included, on every instance. */
    @PreAuthorize("isAuthenticated()")
    public void signOutEverywhere() {
        AppUser user = current();
        user.revokeSessions();
        users.saveAndFlush(user);
        events.record(user, Event.SIGNED_OUT_EVERYWHERE);
        log.info("User {} signed out everywhere", user.getUsername());
    }

    private void checkPassword(String password, String username) {
        policy.problem(password, username).ifPresent(problem -> {
            throw new UserException(problem.key(), problem.detail().orElse(null));
        });
    }

    private void requireAnotherAdmin(AppUser user) {
        // Locks every enabled administrator's row, so that two administrators disabling or demoting each other
        // at the same moment cannot both pass this check.
        if (users.lockEnabledAdministrators().stream().noneMatch(other -> !other.getId().equals(user.getId()))) {
            throw new UserException("users.error.last-admin");
        }
    }

    private AppUser load(long id, long version) {
        AppUser user = users.findById(id).orElseThrow(() -> new UserException("users.error.missing"));
        if (user.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(AppUser.class, id);
        }
        return user;
    }

    private AppUser current() {
        return users.findByUsername(currentUsername()).orElseThrow(() -> new UserException("users.error.missing"));
    }

    /**
     * The officer's own change ended their sessions; this session takes the account's new version so that it
     * is not among them.
     */
    private static void keepThisSession(AppUser user) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Officer officer) {
            SecurityContextHolder.getContext().setAuthentication(
                    officer.withCredentialsVersion(user.getCredentialsVersion()).authentication());
        }
    }

    private static String currentUsername() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
