package cn.gz.youcheng.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
// @PreAuthorize on services. Not JSR-250: views carry @RolesAllowed for Vaadin's navigation checks, and
// JSR-250 method security would wrap those views in proxies.
@EnableMethodSecurity
class PasswordConfiguration {

    /** bcrypt today, with the algorithm recorded in each hash so that it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
