package io.trainflow.plugin.security;

import io.trainflow.connectors.groups.JdbcGroups;
import io.trainflow.plugin.config.TrainflowProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call Trainflow, and how they prove it:
 * <ul>
 * <li>with an identity provider ({@code TRAINFLOW_OIDC_ISSUER_URI}): programs send its JWT access
 * tokens, browsers sign in there (authorization code with PKCE) and keep a session cookie;</li>
 * <li>machines (the CLI included) send an API key an admin created ({@code X-API-Key});</li>
 * <li>the embedded demo only (sample organisation, no provider): every sample person signs in with the
 * demo password ({@code TRAINFLOW_DEMO_PASSWORD}), by HTTP Basic or the form at /login. A real HCM or a
 * provider with the demo password set stops start-up.</li>
 * </ul>
 * Password sign-ins are throttled ({@link ThrottledPasswords}). A browser session's writes need the CSRF
 * token (cookie XSRF-TOKEN, header X-XSRF-TOKEN); calls that carry their own credentials do not.
 */
@Configuration
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The web inbox's own files and the sign-in page, reachable before signing in. */
    static final String[] PUBLIC_PAGES = {"/login", "/assets/**", "/i18n/**", "/favicon.ico"};

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            SignInProperties signIn,
            TrainflowProperties properties,
            UserDetailsService users,
            PasswordEncoder encoder,
            ApiKeys keys,
            List<CallerCredentials> others,
            JdbcGroups groups)
            throws Exception {
        SignInProperties.Oidc oidc = signIn.oidc();
        boolean demo = !SignInProperties.blank(properties.demoPassword());
        SignInProblems problems = new SignInProblems(
                oidc.browserSignIn() ? "/oauth2/authorization/" + OidcSignIn.REGISTRATION : "/login",
                oidc.configured() ? "Bearer" : "Basic realm=\"Trainflow\"");
        List<String> credentialHeaders = new ArrayList<>(List.of("Authorization", ApiKeyFilter.HEADER));
        others.forEach(other -> credentialHeaders.add(other.header()));
        http.csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(request -> browserWrite(request, credentialHeaders)))
                .addFilterAfter(new CsrfCookie(credentialHeaders), CsrfFilter.class)
                .addFilterBefore(new ApiKeyFilter(keys, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health")
                                .permitAll()
                                .requestMatchers("/error")
                                .permitAll()
                                // the OAuth redirect: the browser arrives from OrangeHRM; the signed state guards it
                                .requestMatchers(HttpMethod.GET, "/oauth/callback")
                                .permitAll()
                                .requestMatchers(PUBLIC_PAGES)
                                .permitAll()
                                .requestMatchers("/api/incidents/**", "/api/sample/clock", "/api/admin/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .hasAnyRole("USER", "AUDITOR", "ADMIN"))
                // as the default entry point, not the only one: the demo's login page is still generated
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems));
        others.forEach(other -> http.addFilterBefore(other.filter(), BasicAuthenticationFilter.class));
        if (demo) {
            SignInThrottle throttle = new SignInThrottle(signIn.throttle(), Clock.systemUTC());
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
            passwords.setPasswordEncoder(encoder);
            http.authenticationManager(new ProviderManager(new ThrottledPasswords(
                            passwords, throttle, signIn.throttle().concurrentPasswordChecks())))
                    .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                    .formLogin(form ->
                            form.loginPage("/login").defaultSuccessUrl("/inbox").permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        }
        if (oidc.configured()) {
            OidcSignIn provider = new OidcSignIn(oidc, groups::groupsOf);
            http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(provider.decoder()).jwtAuthenticationConverter(provider.tokens())));
            if (oidc.browserSignIn()) {
                ClientRegistrationRepository clients = provider.clients();
                OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(clients);
                signOut.setPostLogoutRedirectUri("{baseUrl}/");
                http.oauth2Login(login -> login.clientRegistrationRepository(clients)
                                .loginPage("/oauth2/authorization/" + OidcSignIn.REGISTRATION)
                                .userInfoEndpoint(info -> info.oidcUserService(provider.people()))
                                .failureHandler((request, response, e) -> SignInProblems.write(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "Sign-in at the identity provider did not succeed"))
                                .defaultSuccessUrl("/inbox"))
                        .logout(logout -> logout.logoutSuccessHandler(signOut));
            }
        }
        return http.build();
    }

    /** A write made by a browser session: one that carries no credentials of its own. */
    private static boolean browserWrite(HttpServletRequest request, List<String> credentialHeaders) {
        return !Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
                && credentialHeaders.stream().allMatch(header -> request.getHeader(header) == null);
    }

    /** Sends the XSRF-TOKEN cookie to browsers from their first page on (Spring defers it otherwise). */
    private static final class CsrfCookie extends OncePerRequestFilter {
        private final List<String> credentialHeaders;

        CsrfCookie(List<String> credentialHeaders) {
            this.credentialHeaders = credentialHeaders;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (credentialHeaders.stream().allMatch(header -> request.getHeader(header) == null)
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    ApiKeys apiKeys(DataSource dataSource) {
        return new ApiKeys(dataSource, Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The sample organisation's people with the demo password; nobody when it is unset. The demo password
     * is refused next to a real HCM or an identity provider: the HCM's people are real people.
     */
    @Bean
    UserDetailsService users(
            ObjectProvider<DemoPeople> demo,
            TrainflowProperties properties,
            SignInProperties signIn,
            PasswordEncoder encoder) {
        return users(demo::getObject, properties, signIn, encoder);
    }

    /** {@code demo} is asked for only when the demo password is set and allowed. */
    static UserDetailsService users(
            Supplier<DemoPeople> demo,
            TrainflowProperties properties,
            SignInProperties signIn,
            PasswordEncoder encoder) {
        String password = properties.demoPassword();
        boolean realHcm = !"sample".equals(properties.connections().hcmType());
        if (SignInProperties.blank(password)) {
            if (!signIn.oidc().configured()) {
                LOG.warn(
                        "Neither TRAINFLOW_DEMO_PASSWORD nor TRAINFLOW_OIDC_ISSUER_URI is set: only API keys can sign in"
                                + " (the first one: trainflow api-key create, see README, Sign-in)");
            }
            return new InMemoryUserDetailsManager();
        }
        if (realHcm || signIn.oidc().configured()) {
            throw new IllegalStateException("TRAINFLOW_DEMO_PASSWORD is set, but the demo password is only for the"
                    + " embedded demo with the sample organisation, and "
                    + (realHcm
                            ? "a real HCM is configured (trainflow.hcm.type)"
                            : "an identity provider is configured" + " (TRAINFLOW_OIDC_ISSUER_URI)")
                    + ". Unset TRAINFLOW_DEMO_PASSWORD: people sign in through the"
                    + " organisation's identity provider, machines with API keys (see README, Sign-in).");
        }
        return new InMemoryUserDetailsManager(demo.get().withPassword(encoder.encode(password)));
    }
}
