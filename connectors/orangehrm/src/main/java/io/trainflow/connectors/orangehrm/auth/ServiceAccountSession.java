package io.trainflow.connectors.orangehrm.auth;

import io.trainflow.connectors.orangehrm.OrangeHrmConfig;
import io.trainflow.connectors.orangehrm.error.OrangeHrmAuthException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alternative to OAuth: log in as a service account through OrangeHRM's login form, as the
 * browser does (fixture 00-login-flow), and send the session cookie. Success and failure are both
 * a 302; only the Location tells them apart. A 401 "Session expired" logs in again.
 */
public final class ServiceAccountSession implements OrangeHrmAuth {

    private static final Pattern CSRF = Pattern.compile(":token=\"&quot;([^&]+)&quot;\"");

    private final OrangeHrmConfig config;
    private final AuthHttp http;
    private String cookie;

    public ServiceAccountSession(OrangeHrmConfig config, AuthHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public synchronized Map<String, String> headers() {
        if (cookie == null) {
            cookie = login();
        }
        return Map.of("Cookie", cookie);
    }

    @Override
    public synchronized void renew(Map<String, String> rejectedHeaders) {
        if (cookie == null || Objects.equals(rejectedHeaders.get("Cookie"), cookie)) {
            cookie = login();
        }
    }

    private String login() {
        AuthHttp.Answer page = http.send("GET", "/auth/login", null, null);
        Matcher token = CSRF.matcher(page.body() == null ? "" : page.body());
        if (page.status() != 200 || !token.find()) {
            throw new IllegalStateException("no OrangeHRM login form at " + config.baseUrl() + "/auth/login (HTTP "
                    + page.status() + "); is the base URL the OrangeHRM root, ending in /web/index.php?");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_token", token.group(1));
        form.put("username", config.username());
        form.put("password", config.password().reveal());
        AuthHttp.Answer answer = http.send("POST", "/auth/validate", page.sessionCookie(), form);
        if (answer.status() != 302
                || answer.location() == null
                || answer.location().contains("/auth/login")) {
            throw new OrangeHrmAuthException.CredentialsRejected("OrangeHRM refused the service account login (HTTP "
                    + answer.status() + ", redirected to " + answer.location() + "); check the username and "
                    + config.password().source());
        }
        // OrangeHRM regenerates the session id on login: the new cookie is the one that counts
        return answer.sessionCookie() != null ? answer.sessionCookie() : page.sessionCookie();
    }
}
