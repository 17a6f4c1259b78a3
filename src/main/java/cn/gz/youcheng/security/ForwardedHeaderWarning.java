package cn.gz.youcheng.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the operator, once, that requests arrive through a proxy nobody said to trust: X-Forwarded-For is then
 * ignored (rightly, as anyone can send it), and every visitor behind the proxy is counted by the proxy's
 * address, which throttles them all together.
 */
@Component
class ForwardedHeaderWarning extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeaderWarning.class);

    private final boolean noProxyTrusted;
    private final AtomicBoolean warned = new AtomicBoolean();

    ForwardedHeaderWarning(@Value("${server.tomcat.remoteip.internal-proxies:}") String trustedProxies) {
        this.noProxyTrusted = trustedProxies.isBlank();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (noProxyTrusted && request.getHeader("X-Forwarded-For") != null && warned.compareAndSet(false, true)) {
            log.warn("A request from {} carries X-Forwarded-For, but no proxy is trusted, so the header is ignored "
                    + "and every visitor behind a proxy counts as the proxy's address. If the application runs "
                    + "behind a reverse proxy, name it in SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES (README, "
                    + "\"Run in production\"). Said once.", ClientAddress.of(request.getRemoteAddr()));
        }
        chain.doFilter(request, response);
    }
}
