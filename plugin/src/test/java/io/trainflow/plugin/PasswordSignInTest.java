package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedded demo's sign-in with the demo password: HTTP Basic for programs, the form at /login for
 * browsers (session cookie, CSRF token on writes), growing delays for guessers, health details for
 * admins only. Addresses are told apart by X-Forwarded-For, as behind a reverse proxy.
 */
class PasswordSignInTest extends RunningTrainflow {

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aBrowserSignsInWithTheFormAndItsWritesNeedTheCsrfToken() {
        Browser browser = new Browser(null);
        assertThat(Browser.location(browser.page(base() + "/inbox"))).endsWith("/login");
        HttpResponse<String> form = browser.page(base() + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();

        HttpResponse<String> signedIn = browser.postForm(
                base() + "/login",
                Map.of("username", "adam.david", "password", PASSWORD, "_csrf", csrf.group(1)),
                Map.of());
        assertThat(Browser.location(signedIn))
                .as("back where the browser was going")
                .contains("/inbox");
        HttpResponse<String> me = browser.api(base() + "/api/me");
        assertThat(me.body()).contains("\"username\":\"adam.david\"").contains("\"signedInWith\":\"password\"");

        String keyRequest = "{\"name\": \"csrf-check\", \"username\": \"zoe.vincent\", \"scopes\": [\"tasks:read\"]}";
        HttpResponse<String> forged = browser.postJson(base() + "/api/admin/api-keys", keyRequest, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-XSRF-TOKEN");
        HttpResponse<String> made = browser.postJson(
                base() + "/api/admin/api-keys",
                keyRequest,
                Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);

        HttpResponse<String> signOut = browser.postForm(
                base() + "/logout",
                Map.of(),
                Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow()));
        assertThat(Browser.location(signOut)).endsWith("/login?logout");
        assertThat(browser.api(base() + "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void programsSendingTheirOwnCredentialsNeedNoCsrfTokenAndBrowsersGetNoBasicChallenge() {
        assertThat(as("adam.david").post("/api/incidents/none/retry", "{}").status())
                .isNotEqualTo(403);
        assertThat(anonymous().get("/api/tasks").header("WWW-Authenticate")).hasValue("Basic realm=\"Trainflow\"");
        assertThat(anonymous().with("Sec-Fetch-Mode", "cors").get("/api/tasks").header("WWW-Authenticate"))
                .isEmpty();
    }

    @Test
    void healthDetailsAreForAdminsOnly() {
        Api.Response user = as("sophie.laurent").get("/actuator/health");
        Api.Response admin = as("adam.david").get("/actuator/health");

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.object()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(admin.object()).containsKey("components");
    }

    @Test
    void aGuessingAddressIsSlowedDownWhileTheAccountsOwnerStillSignsIn() {
        Api owner = new Api(port, "nicolas.faure", PASSWORD).with("X-Forwarded-For", "198.51.100.20");
        assertThat(owner.get("/api/me").status()).isEqualTo(200);
        Api guesser = new Api(port, "nicolas.faure", "guess").with("X-Forwarded-For", "203.0.113.66");

        int failures = 0;
        Api.Response answer = guesser.get("/api/me");
        while (answer.status() == 401 && failures < 40) {
            failures++;
            answer = guesser.get("/api/me");
        }
        assertThat(answer.status()).as("after " + failures + " wrong passwords").isEqualTo(429);
        assertThat(answer.message()).startsWith("Too many failed sign-ins");
        assertThat(answer.header("Retry-After")).isPresent();

        Api.Response rightPasswordFromGuesser = new Api(port, "nicolas.faure", PASSWORD)
                .with("X-Forwarded-For", "203.0.113.66")
                .get("/api/me");
        assertThat(rightPasswordFromGuesser.status()).as("not even checked").isEqualTo(429);
        assertThat(owner.get("/api/me").status())
                .as("the owner at an address they used")
                .isEqualTo(200);

        Api.Response ownerAtANewAddress = new Api(port, "nicolas.faure", PASSWORD)
                .with("X-Forwarded-For", "198.51.100.21")
                .get("/api/me");
        if (ownerAtANewAddress.status() == 429) {
            assertThat(Long.parseLong(ownerAtANewAddress.header("Retry-After").orElseThrow()))
                    .as("an account waits at most a minute")
                    .isLessThanOrEqualTo(60);
        } else {
            assertThat(ownerAtANewAddress.status()).isEqualTo(200);
        }
    }
}
