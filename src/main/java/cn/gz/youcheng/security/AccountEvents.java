package cn.gz.youcheng.security;

import cn.gz.youcheng.audit.RevisionUserListener;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records account changes for the audit log, in the transaction of the change: who did what to which account,
 * when, and from which address. Never a password, hash, secret or code.
 */
@Component
class AccountEvents {

    enum Event {
        CREATED, ROLE_CHANGED, ENABLED, DISABLED, PASSWORD_RESET, PASSWORD_CHANGED, SECOND_FACTOR_ENROLLED,
        SECOND_FACTOR_RESET, RECOVERY_CODES_RENEWED, RECOVERY_CODE_USED, SIGNED_OUT_EVERYWHERE
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountEvents(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** By the signed-in officer, or by the system when nobody is signed in (the first administrator). */
    void record(AppUser account, Event event) {
        record(currentActor(), account, event, null, null);
    }

    /** By the account itself, while it signs in (no session yet). */
    void recordByAccount(AppUser account, Event event) {
        record(account.getUsername(), account, event, null, null);
    }

    void recordRoleChange(AppUser account, Role before, Role after) {
        record(currentActor(), account, Event.ROLE_CHANGED, before, after);
    }

    void recordCreated(AppUser account) {
        record(currentActor(), account, Event.CREATED, null, account.getRole());
    }

    private void record(String actor, AppUser account, Event event, @Nullable Role before, @Nullable Role after) {
        jdbc.sql("""
                        insert into account_event (occurred_at, actor, account, event, role_before, role_after, address)
                        values (:at, :actor, :account, :event, :before, :after, :address)
                        """)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", actor)
                .param("account", account.getUsername())
                .param("event", event.name())
                .param("before", before == null ? null : before.name())
                .param("after", after == null ? null : after.name())
                .param("address", currentAddress())
                .update();
    }

    /** The address of the request that made the change, counted as the sign-in throttle counts it; none at start-up. */
    private static @Nullable String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? ClientAddress.of(request.getRequest().getRemoteAddr()).value() : null;
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return RevisionUserListener.SYSTEM;
        }
        return authentication.getName();
    }
}
