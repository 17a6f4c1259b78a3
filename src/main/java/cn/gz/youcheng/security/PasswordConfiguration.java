package cn.gz.youcheng.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
// @PreAuthorize on services. Not JSR-250: views carry @RolesAllowed for Vaadin's navigation checks, and
// JSR-250 method security would wrap those views in proxies.
@EnableMethodSecurity
class PasswordConfiguration {

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    /**
     * New hashes are Argon2id, which uses every byte of a password (bcrypt stops at 72 bytes: 24 Chinese
     * characters). Hashes from before are bcrypt, still accepted and replaced at the next sign-in. Only these
     * two: a hash of any other kind in the database (plain text, MD5) signs nobody in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
