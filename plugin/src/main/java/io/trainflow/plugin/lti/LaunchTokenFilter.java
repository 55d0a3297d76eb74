package io.trainflow.plugin.lti;

import io.trainflow.plugin.api.model.Problem;
import io.trainflow.plugin.security.CallerCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs in the embedded page's API calls by their launch token: as the launch's person with the USER role, so the
 * API's own checks (who may see and decide what) and its audit apply exactly as for the inbox.
 */
class LaunchTokenFilter implements CallerCredentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SessionTokens tokens;

    LaunchTokenFilter(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String header() {
        return SessionTokens.HEADER;
    }

    @Override
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String token = request.getHeader(SessionTokens.HEADER);
                if (token == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Optional<SessionTokens.Session> session = tokens.verify(token.strip());
                if (session.isEmpty()) {
                    response.setStatus(401);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getWriter()
                            .write(JSON.writeValueAsString(
                                    new Problem(401, "This page's launch has expired: open Trainflow again from Moodle")
                                            .error("Unauthorized")));
                    return;
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new Launched(session.get()));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        };
    }

    /** A call from a page launched from Moodle. */
    static final class Launched extends AbstractAuthenticationToken {
        private final String username;
        private final transient SessionTokens.Session session;

        Launched(SessionTokens.Session session) {
            super(List.of(new SimpleGrantedAuthority("ROLE_USER")));
            this.username = session.username();
            this.session = session;
            setAuthenticated(true);
        }

        SessionTokens.Session session() {
            return session;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return username;
        }
    }
}
