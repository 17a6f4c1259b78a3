package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.security.SessionRevocation;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Views are open only where they say so ({@code @AnonymousAllowed}); everything else needs a signed-in
 * officer. Downloads are public and need no Vaadin session; health (details for administrators only) and
 * metrics are public for load balancers and Prometheus, which should reach them on the internal network only.
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
            SessionRevocation revocation) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/export/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .permitAll()
                // A refusal (403 for a missing CSRF token, say) keeps its status instead of turning into a
                // redirect to the sign-in page when Spring Boot renders the error.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        SimpleUrlLogoutSuccessHandler signedOut = new SimpleUrlLogoutSuccessHandler();
        signedOut.setRedirectStrategy(new UidlRedirectStrategy());
        signedOut.setDefaultTargetUrl("/");
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .enableCsrfConfiguration(false)
                .logoutSuccessHandler(signedOut));
        // Vaadin's own requests carry Vaadin's CSRF token instead, checked by Vaadin.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE));
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
