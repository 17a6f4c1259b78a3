package cn.gz.youcheng.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A signed-in officer as the session remembers them: which account, with which role, since when, and at
 * which {@code credentialsVersion} of the account. The session is valid only while the account still has
 * that version and is enabled ({@link SessionRevocation}).
 */
public record Officer(long userId, String username, Role role, long credentialsVersion, Instant signedInAt)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    /** The same session after a change the officer made to their own account (a new password, say). */
    Officer withCredentialsVersion(long version) {
        return new Officer(userId, username, role, version, signedInAt);
    }

    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null,
                AuthorityUtils.createAuthorityList(List.of("ROLE_" + role.name())));
    }
}
