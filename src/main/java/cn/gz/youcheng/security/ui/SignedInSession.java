package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.security.ClientAddress;
import cn.gz.youcheng.security.DeviceCookies;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Turns a completed sign-in into a signed-in HTTP session, from within the sign-in view's request; and what
 * the views tell the account services about the request: its address and the browser's device cookie.
 */
final class SignedInSession {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private SignedInSession() {
    }

    /** The address of the current request, as the sign-in throttle counts it. */
    static ClientAddress address() {
        return ClientAddress.of(VaadinRequest.getCurrent().getRemoteAddr());
    }

    /** The browser's device cookie, if it sent one. */
    static @Nullable String deviceCookie() {
        Cookie[] cookies = VaadinServletRequest.getCurrent().getHttpServletRequest().getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(cookie -> DeviceCookies.NAME.equals(cookie.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    /** Sends the device cookie with this response: for this site only, not readable by scripts. */
    static void rememberDevice(String value, boolean secure) {
        Cookie cookie = new Cookie(DeviceCookies.NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setMaxAge((int) DeviceCookies.LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        VaadinServletResponse.getCurrent().getHttpServletResponse().addCookie(cookie);
    }

    /**
     * Stores the officer in the session under a new session id (so that an id planted before signing in is
     * worth nothing afterwards), and answers where to go: the page that asked for sign-in if the officer may
     * open it (an administrator demoted meanwhile may not), otherwise the admin area.
     */
    static String establish(Authentication authentication, RequestCache requestCache, AccessAnnotationChecker access) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        HttpServletResponse response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        SESSIONS.saveContext(context, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        String target = saved == null ? "admin" : samePlace(saved.getRedirectUrl());
        return mayOpen(target, authentication, access) ? target : "admin";
    }

    private static boolean mayOpen(String target, Authentication authentication, AccessAnnotationChecker access) {
        String path = target.replaceFirst("^/", "").replaceFirst("\\?.*$", "");
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return RouteConfiguration.forApplicationScope().getRoute(path)
                .map(view -> access.hasAccess(view, authentication, role -> roles.contains("ROLE_" + role)))
                .orElse(true);
    }

    /** Only the path and query of the page that asked, never another host. */
    private static String samePlace(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) {
                return "admin";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "admin";
        }
    }
}
