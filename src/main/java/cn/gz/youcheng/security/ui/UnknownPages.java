package cn.gz.youcheng.security.ui;

import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A request for a page that does not exist: a GET (or HEAD) for a path that no view of the application has and no
 * controller takes. It passes without signing in, so that the visitor gets the not-found view with a 404
 * (FirstHtml) instead of the sign-in page for a page that is not there. What answers it is Vaadin's page
 * and its not-found view, open to anyone; a view that needs an account, or any controller, is never matched.
 */
final class UnknownPages implements RequestMatcher {

    private final RequestUtil vaadinRequests;
    private final ObjectProvider<HandlerMapping> controllers;

    /** @param controllers Spring MVC's mapping of annotated controllers (not Vaadin's catch-all forwarding) */
    UnknownPages(RequestUtil vaadinRequests, ObjectProvider<HandlerMapping> controllers) {
        this.vaadinRequests = vaadinRequests;
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !vaadinRequests.isFrameworkInternalRequest(request)
                && !vaadinRequests.isSecuredFlowRoute(request)
                && !vaadinRequests.isAnonymousRoute(request)
                && !takenByAController(request);
    }

    private boolean takenByAController(HttpServletRequest request) {
        HandlerMapping mapping = controllers.getIfAvailable();
        if (mapping == null) {
            return true;
        }
        // The mapping reads the path parsed by the dispatcher, which has not run yet.
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return mapping.getHandler(request) != null;
        } catch (Exception refused) {
            // A controller's path with another method or media type: taken, not unknown.
            return true;
        } finally {
            if (parsed instanceof RequestPath) {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            } else {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
