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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final SignInService signIn;
    private final Clock clock;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy, SecondFactor secondFactor,
            RecoveryCodes recoveryCodes, AccountEvents events, SignInService signIn, Clock clock) {
        this.signIn = signIn;
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

    /**
     * Ends the officer's other sessions; this one goes on. The current password is checked like a sign-in
     * (and counted by the throttle), so that a session left open is not enough to take the account over.
     */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword, ClientAddress address) {
        AppUser user = confirmed(currentPassword, address);
        checkPassword(newPassword, user.getUsername());
        user.setPassword(passwordEncoder.encode(newPassword), false, clock.instant());
        events.record(user, Event.PASSWORD_CHANGED);
        log.info("User {} changed their password", user.getUsername());
        keepThisSession(users.saveAndFlush(user));
    }

    /** A second factor for an officer who has none (optional for editors), after their password once more. */
    @PreAuthorize("isAuthenticated()")
    public SecondFactor.Enrolment startOwnEnrolment(String currentPassword, ClientAddress address) {
        AppUser user = confirmed(currentPassword, address);
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

    /** New recovery codes replace the old ones, used or not; shown once. After the password once more. */
    @PreAuthorize("isAuthenticated()")
    public List<String> renewOwnRecoveryCodes(String currentPassword, ClientAddress address) {
        AppUser user = confirmed(currentPassword, address);
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

    /** The signed-in officer's account, once they have typed its password again. */
    private AppUser confirmed(String currentPassword, ClientAddress address) {
        AppUser user = current();
        if (!signIn.confirmPassword(user.getUsername(), currentPassword, address)) {
            throw new UserException("password.wrong-current");
        }
        return user;
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
     * The officer's own change ended their sessions; once it is committed, this session takes the account's
     * new version so that it is not among them (before the commit it would hold a version that a rollback
     * could leave unused, for a later change to match).
     */
    private static void keepThisSession(AppUser user) {
        SecurityContext context = SecurityContextHolder.getContext();
        long version = user.getCredentialsVersion();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof Officer officer) {
                    context.setAuthentication(officer.withCredentialsVersion(version).authentication());
                }
            }
        });
    }

    private static String currentUsername() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
