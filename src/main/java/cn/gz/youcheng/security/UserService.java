package cn.gz.youcheng.security;

import cn.gz.youcheng.security.repository.AppUserRepository;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The officers' accounts. Managing them is for administrators; everyone may change their own password. */
@Service
@Transactional
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final Clock clock;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        return users.findAll(Sort.by("username")).stream().map(UserSummary::of).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[\\p{L}\\p{N}._@-]{2,64}")) {
            throw new UserException("users.error.username");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new UserException("users.error.taken");
        }
        checkPassword(password, name);
        AppUser user = users.save(new AppUser(name, passwordEncoder.encode(password), role, clock.instant()));
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
        log.info("User {} {} account {}", currentUsername(), enabled ? "enabled" : "disabled", user.getUsername());
        return UserSummary.of(users.saveAndFlush(user));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary changeRole(long id, Role role, long version) {
        AppUser user = load(id, version);
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
            if (user.getUsername().equalsIgnoreCase(currentUsername())) {
                throw new UserException("users.error.self");
            }
            requireAnotherAdmin(user);
        }
        user.setRole(role);
        log.info("User {} gave account {} the role {}", currentUsername(), user.getUsername(), role);
        return UserSummary.of(users.saveAndFlush(user));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary resetPassword(long id, String newPassword, long version) {
        AppUser user = load(id, version);
        checkPassword(newPassword, user.getUsername());
        user.setPasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        log.info("User {} reset the password of account {}", currentUsername(), user.getUsername());
        return UserSummary.of(users.saveAndFlush(user));
    }

    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = users.findByUsername(currentUsername()).orElseThrow(() -> new UserException("users.error.missing"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new UserException("password.wrong-current");
        }
        checkPassword(newPassword, user.getUsername());
        user.setPasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        log.info("User {} changed their password", user.getUsername());
    }

    private void checkPassword(String password, String username) {
        policy.problem(password, username).ifPresent(problem -> {
            throw new UserException(problem);
        });
    }

    private void requireAnotherAdmin(AppUser user) {
        boolean another = users.findAll().stream().anyMatch(other -> other.getRole() == Role.ADMIN && other.isEnabled()
                && !other.getId().equals(user.getId()));
        if (!another) {
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

    private static String currentUsername() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
