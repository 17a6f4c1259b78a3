package cn.gz.youcheng.security;

import cn.gz.youcheng.base.LogSafe;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session at its next request when its account was disabled or changed (role, password,
 * second factor, signed out everywhere) since it signed in, or when it is older than the absolute lifetime.
 * The account's {@code credentials_version} is read from the database on every request of a signed-in
 * officer (one primary-key lookup; visitors are not signed in and cost nothing), so a change made on one
 * instance takes effect on all of them at once. Ending the HTTP session ends its Vaadin UIs; the browser's
 * next request finds no session and lands on the sign-in page.
 */
@Component
public class SessionRevocation {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

    private record Account(boolean enabled, long credentialsVersion) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration absoluteLifetime;

    SessionRevocation(DataSource dataSource, Clock clock,
            @Value("${youcheng.security.session.absolute-timeout:12h}") Duration absoluteLifetime) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    /** Why this signed-in officer's session must end now, if it must. */
    public Optional<String> reasonToEnd(Officer officer) {
        if (clock.instant().isAfter(officer.signedInAt().plus(absoluteLifetime))) {
            return Optional.of("signed in more than " + absoluteLifetime.toHours() + " hours ago");
        }
        Optional<Account> account = jdbc.sql("select enabled, credentials_version from app_user where id = :id")
                .param("id", officer.userId())
                .query(Account.class).optional();
        if (account.isEmpty()) {
            return Optional.of("the account no longer exists");
        }
        if (!account.get().enabled()) {
            return Optional.of("the account was disabled");
        }
        if (account.get().credentialsVersion() != officer.credentialsVersion()) {
            return Optional.of("the account was changed since this session signed in");
        }
        return Optional.empty();
    }

    /** For the security filter chain, after the security context is loaded. Not a bean: it must run only there. */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof Officer officer) {
                    reasonToEnd(officer).ifPresent(reason -> {
                        log.info("Session of {} ended: {} (request from {})", officer.username(), reason,
                                LogSafe.of(request.getRemoteAddr()));
                        SecurityContextHolder.clearContext();
                        HttpSession session = request.getSession(false);
                        if (session != null) {
                            session.invalidate();
                        }
                    });
                }
                chain.doFilter(request, response);
            }
        };
    }
}
