package io.trainflow.plugin.security;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.plugin.connect.Connections;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call is made as a named person (HTTP Basic). With the sample organisation each
 * of its people can sign in with the demo password, which comes from the environment
 * ({@code TRAINFLOW_DEMO_PASSWORD}); without it nobody can sign in. With OrangeHRM or SCIM behind the
 * HCM port, its people sign in too, under their HCM username (approval tasks are assigned to it), with
 * the same demo password and the USER role ({@link HcmSignIns}, which remembers the HCM's answer for
 * a few minutes); admins stay the sample organisation's.
 */
@Configuration
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health").permitAll()
                        // the OAuth redirect: the browser arrives from OrangeHRM; the signed state guards it
                        .requestMatchers(HttpMethod.GET, "/oauth/callback").permitAll()
                        .requestMatchers("/api/incidents/**", "/api/sample/clock").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SampleOrganisation org, Connections connections, TrainflowProperties properties,
                             PasswordEncoder encoder) {
        String password = properties.demoPassword();
        if (password == null || password.isBlank()) {
            LOG.warn("TRAINFLOW_DEMO_PASSWORD is not set: nobody can sign in to the API");
            return new InMemoryUserDetailsManager();
        }
        String encoded = encoder.encode(password);
        Set<String> usernames = new LinkedHashSet<>();
        org.hcm().departments().forEach(d -> org.hcm().employees(d.id()).forEach(e -> usernames.add(e.username())));
        org.groups().values().forEach(usernames::addAll);
        List<UserDetails> users = new ArrayList<>();
        for (String username : usernames) {
            boolean admin = org.members("admins").contains(username);
            users.add(User.withUsername(username).password(encoded).roles(admin ? new String[] {"USER", "ADMIN"} : new String[] {"USER"}).build());
        }
        InMemoryUserDetailsManager sample = new InMemoryUserDetailsManager(users);
        if (connections.hcm() == org.hcm()) {
            return sample;
        }
        return new HcmSignIns(sample, connections.hcm(), encoded, Clock.systemUTC());
    }
}
