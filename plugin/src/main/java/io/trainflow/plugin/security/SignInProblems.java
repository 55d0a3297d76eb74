package io.trainflow.plugin.security;

import io.trainflow.plugin.api.model.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in failures as a problem body that says what to do and nothing about why a token or key was
 * refused (expired, wrong issuer, bad signature and unknown all read the same). Browsers asking for
 * a page are sent to sign in instead. The Basic challenge goes only to non-browser clients: a browser
 * never caches Basic credentials, so a request carrying an Authorization header was written by a
 * program, which is why such requests need no CSRF token.
 */
final class SignInProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String signInPage;
    private final String challenge;

    /**
     * @param signInPage where a browser asking for a page goes to sign in
     * @param challenge  WWW-Authenticate for programs ({@code Basic realm="Trainflow"} or {@code Bearer})
     */
    SignInProblems(String signInPage, String challenge) {
        this.signInPage = signInPage;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInRefused refused) {
            response.setHeader("Retry-After", Long.toString(refused.retryAfter().toSeconds()));
            write(response, refused.status(), refused.getMessage());
            return;
        }
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + signInPage);
            return;
        }
        boolean tokenSent = request.getHeader("Authorization") != null
                && request.getHeader("Authorization").regionMatches(true, 0, "Bearer ", 0, 7);
        if (tokenSent) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else if (request.getHeader("Sec-Fetch-Mode") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            // a script's call (the inbox's fetch) gets no challenge: the browser would show a password prompt
            response.setHeader("WWW-Authenticate", challenge);
        }
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                request.getHeader("X-API-Key") != null
                        ? "The API key is not valid: ask an admin for a new one"
                        : "Sign in to use the Trainflow API: a valid token, API key or password is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (e instanceof CsrfException
                && (caller == null || caller instanceof AnonymousAuthenticationToken)
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // no session and no credentials: what is missing is a sign-in, not a CSRF token
            commence(request, response, new InsufficientAuthenticationException("not signed in"));
            return;
        }
        String message = e instanceof CsrfException
                ? "A signed-in browser session must send the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value"
                : "You may not do this";
        write(response, HttpStatus.FORBIDDEN, message);
    }

    static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter()
                .write(JSON.writeValueAsString(new Problem(status.value(), message).error(status.getReasonPhrase())));
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod())
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null
                && accept.contains("text/html");
    }
}
