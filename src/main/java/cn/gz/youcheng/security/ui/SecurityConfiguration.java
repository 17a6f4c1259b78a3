package cn.gz.youcheng.security.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Views are open only where they say so ({@code @AnonymousAllowed}); everything else needs a signed-in
 * officer. Downloads are public and need no Vaadin session; health (details for administrators only) and
 * metrics are public for load balancers and Prometheus, which should reach them on the internal network only.
 * Lives beside the login view because it names it.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/export/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
