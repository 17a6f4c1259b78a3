package cn.gz.youcheng.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. Spring Security writes some for the requests its filter chain
 * handles; Vaadin's own pages and static resources are served outside it, so they get them here.
 *
 * <p>The Content Security Policy is the strictest that Vaadin Flow works under (decision record 0010): its
 * client engine is started by an inline script and runs the server's JavaScript by constructing functions,
 * which needs {@code 'unsafe-inline'} and {@code 'unsafe-eval'} for scripts, and its components set inline
 * styles. Everything else is this origin only: no script, style, font or connection from anywhere else, no
 * plugins, no {@code <base>} elsewhere, forms post here only, and no framing by other sites. Images may also
 * be {@code data:} URIs (the QR code of the second factor, ECharts' "save as image").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!response.containsHeader("X-Frame-Options")) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        chain.doFilter(request, response);
    }
}
