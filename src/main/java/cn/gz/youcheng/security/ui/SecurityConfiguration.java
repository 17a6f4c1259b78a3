package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.security.MetricsAccess;
import cn.gz.youcheng.security.SessionRevocation;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Views are open only where they say so ({@code @AnonymousAllowed}); everything else needs a signed-in
 * officer. Downloads are public and need no Vaadin session; health is public for load balancers (its
 * details for administrators only); metrics answer only the addresses the operator names and administrators.
 *
 * <p>Signing in happens in the sign-in view, step by step, over Vaadin's own channel, which checks Vaadin's
 * CSRF token on every request. There is deliberately no form-login endpoint: Vaadin's default one is exempt
 * from CSRF checks (so a hostile page could sign a visitor into the attacker's account) and would sign in with
 * a password alone, past the second factor. Every other POST needs Spring's CSRF token. Lives beside the
 * sign-in view because it names it.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            SessionRevocation revocation, MetricsAccess metrics,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/export/**", "/api/**", "/feed.atom", "/robots.txt", "/sitemap.xml", "/sitemap-*.xml",
                        // The read API's description and its browsable page.
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/actuator/health",
                        "/actuator/health/**").permitAll()
                // Request paths, pool and session counts are for the operators: their scraper's addresses
                // (none unless configured) or a signed-in administrator.
                .requestMatchers("/actuator/**").access(metrics)
                // A refusal (403 for a missing CSRF token, say) keeps its status instead of turning into a
                // redirect to the sign-in page when Spring Boot renders the error.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                // A page that does not exist is answered 404 with the not-found view, not with the sign-in page.
                .requestMatchers(new UnknownPages(vaadinRequests, controllers)).permitAll());
        SimpleUrlLogoutSuccessHandler signedOut = new SimpleUrlLogoutSuccessHandler();
        signedOut.setRedirectStrategy(new UidlRedirectStrategy());
        signedOut.setDefaultTargetUrl("/");
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .enableCsrfConfiguration(false)
                .logoutSuccessHandler(signedOut));
        // Vaadin's own requests carry Vaadin's CSRF token instead, checked by Vaadin.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.exceptionHandling(exceptions -> exceptions
                // A scraper is told 401, not sent to a sign-in page it cannot use.
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        AnyRequestMatcher.INSTANCE));
        http.addFilterAfter(revocation.filter(), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * Nothing signs in through Spring Security's own mechanisms: without this, Spring Boot would make an
     * in-memory account with a generated password for them.
     */
    @Bean
    AuthenticationManager noOtherWayToSignIn() {
        return authentication -> {
            throw new ProviderNotFoundException("Officers sign in through the sign-in view only");
        };
    }

    /** Vaadin's navigation checks send visitors without access to the sign-in view. */
    @Bean
    NavigationAccessControlConfigurer navigationAccessControlConfigurer() {
        return new NavigationAccessControlConfigurer().withAnnotatedViewAccessChecker().withLoginView(LoginView.class);
    }
}
