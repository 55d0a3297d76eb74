package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A browser signs in on the inbox's page and then works with a session cookie: every change it makes must carry
 * the XSRF-TOKEN cookie's value in X-XSRF-TOKEN, so another site cannot decide in the person's name. API clients
 * keep sending HTTP Basic on each call and need no token.
 */
class WebSignInTest extends RunningTrainflow {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    @Test
    void pagesSendStrangersToTheSignInPageAndTheApiAnswers401() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> inbox =
                browser.send(get("/inbox").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> api = browser.send(get("/api/tasks").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        // the inbox's own calls: 401 without a challenge, so the browser shows no password prompt
        HttpResponse<String> fromPage = browser.send(
                get("/api/tasks").header("X-Requested-With", "XMLHttpRequest").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromPage.statusCode()).isEqualTo(401);
        assertThat(fromPage.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> script =
                browser.send(get("/assets/inbox.js").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode())
                .as("the page's own files, served from the jar")
                .isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("javascript"));
    }

    @Test
    void aSignedInBrowserChangesNothingWithoutTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Trainflow").contains("autocomplete=\"current-password\"");
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as("the form carries a CSRF token").isTrue();

        HttpResponse<String> wrong = browser.send(
                form("/login", "username=sophie.laurent&password=nope&_csrf=" + enc(field.group(1))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        page = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(
                form("/login", "username=sophie.laurent&password=" + PASSWORD + "&_csrf=" + enc(field.group(1))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));

        assertThat(browser.send(get("/api/me").build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("\"username\":\"sophie.laurent\"");
        String decide = "{\"taskIds\": [\"no-such-task\"], \"variables\": {\"decision\": \"approve\"}}";
        HttpResponse<String> forged =
                browser.send(json("/api/tasks/decisions", decide).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode())
                .as("a session's change without the token")
                .isEqualTo(403);

        String token = xsrfCookie(browser);
        HttpResponse<String> own = browser.send(
                json("/api/tasks/decisions", decide)
                        .header("X-XSRF-TOKEN", token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"status\":404");
        // Basic-authenticated API clients carry no session and need no token
        assertThat(as("sophie.laurent").post("/api/tasks/decisions", decide).status())
                .isEqualTo(200);
    }

    private String xsrfCookie(HttpClient browser) {
        return ((CookieManager) browser.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
