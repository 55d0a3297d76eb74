package io.trainflow.plugin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a call carrying {@code X-API-Key}: an unknown, expired or revoked key is 401 (the same
 * answer for each), a key without the scope the call needs is 403 naming the scope. The key is checked
 * on every call, so revoking one takes effect at once.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final SignInProblems problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, SignInProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HEADER);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Key> key = keys.use(secret.strip());
        if (key.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("API key not valid"));
            return;
        }
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(key.get());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<ApiKeyScope> needed = ApiKeyScope.neededFor(request.getMethod(), path);
        if (needed.isPresent() && !authentication.allows(needed.get())) {
            SignInProblems.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "This API key lacks the scope " + needed.get().value() + " needed here");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
