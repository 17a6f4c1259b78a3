package cn.gz.youcheng.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may read the operations endpoints other than health (metrics for Prometheus): requests from the
 * addresses or CIDR blocks in {@code youcheng.metrics.allowed-addresses} (none by default), and signed-in
 * administrators. The address is the one Tomcat settled on, so a forwarded one counts only from a trusted proxy.
 */
@Component
public class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final List<IpAddressMatcher> allowed;

    MetricsAccess(@Value("${youcheng.metrics.allowed-addresses:}") String allowedAddresses) {
        this.allowed = Arrays.stream(allowedAddresses.split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        String address = context.getRequest().getRemoteAddr();
        if (allowed.stream().anyMatch(matcher -> matcher.matches(address))) {
            return new AuthorizationDecision(true);
        }
        Authentication who = authentication.get();
        boolean administrator = who != null && who.isAuthenticated() && who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + Role.ADMIN_NAME)::equals);
        return new AuthorizationDecision(administrator);
    }
}
