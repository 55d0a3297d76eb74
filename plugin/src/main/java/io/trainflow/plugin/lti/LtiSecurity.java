package io.trainflow.plugin.lti;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The LTI endpoints' own filter chain, before the API's: the platform posts the launch from another site (so no
 * CSRF token: the state, nonce and signature protect it instead), no session is made, and the pages may be framed
 * (the launch page names its platform in {@code frame-ancestors}).
 */
@Configuration
class LtiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain lti(HttpSecurity http) throws Exception {
        return http.securityMatcher("/lti/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.disable()))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
