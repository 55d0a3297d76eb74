package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic registration against a Moodle-like platform ({@link LtiTestPlatform}): a Trainflow admin makes a one-time
 * registration URL, Moodle opens it with its OpenID configuration and registration token, Trainflow registers
 * itself there and stores the platform; a refused exchange stores nothing, and the URL works once.
 */
class LtiRegistrationTest extends RunningTrainflow {

    @Test
    void moodleRegistersTrainflowWithTheUrlAnAdminMade() {
        try (LtiTestPlatform moodle = new LtiTestPlatform()) {
            assertThat(as("louis.garnier")
                            .post("/api/admin/lti/registration-links", "")
                            .status())
                    .as("admins only")
                    .isEqualTo(403);
            String url = String.valueOf(as("adam.david")
                    .post("/api/admin/lti/registration-links", "")
                    .object()
                    .get("url"));
            assertThat(url).contains("/lti/register?code=");
            String path = url.substring(url.indexOf("/lti/register"));
            String configuration =
                    "&openid_configuration=" + enc(moodle.issuer() + "/.well-known/openid-configuration");

            Api.Response refused = anonymous().get(path + configuration + "&registration_token=expired-token");
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.body())
                    .contains("registration token was probably refused")
                    .contains("Nothing was changed");
            assertThat(platforms())
                    .as("nothing stored")
                    .noneMatch(p -> moodle.issuer().equals(p.get("issuer")));

            Api.Response page =
                    anonymous().get(path + configuration + "&registration_token=" + LtiTestPlatform.REGISTRATION_TOKEN);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Trainflow is registered")
                    .contains("registered-client")
                    .contains("registered-deployment")
                    .contains("/lti/login")
                    .contains("org.imsglobal.lti.close");
            assertThat(platforms()).anySatisfy(p -> {
                assertThat(p)
                        .containsEntry("issuer", moodle.issuer())
                        .containsEntry("clientId", "registered-client")
                        .containsEntry("jwksUrl", moodle.issuer() + "/jwks")
                        .containsEntry("authLoginUrl", moodle.issuer() + "/auth");
                assertThat(p.get("deploymentIds")).isEqualTo(List.of("registered-deployment"));
            });

            assertThat(moodle.registrations).hasSize(1);
            Map<String, Object> sent = JsonMapper.builder()
                    .build()
                    .readValue(moodle.registrations.get(0), new TypeReference<Map<String, Object>>() {});
            String base = "http://localhost:" + port;
            assertThat(sent)
                    .containsEntry("initiate_login_uri", base + "/lti/login")
                    .containsEntry("jwks_uri", base + "/lti/jwks")
                    .containsEntry("redirect_uris", List.of(base + "/lti/launch"))
                    .containsEntry("token_endpoint_auth_method", "private_key_jwt");
            assertThat(String.valueOf(sent.get("https://purl.imsglobal.org/spec/lti-tool-configuration")))
                    .contains("target_link_uri=" + base + "/lti/launch")
                    .contains("LtiDeepLinkingRequest")
                    .contains("email")
                    .contains("domain=localhost:" + port);

            Api.Response again =
                    anonymous().get(path + configuration + "&registration_token=" + LtiTestPlatform.REGISTRATION_TOKEN);
            assertThat(again.status()).isEqualTo(403);
            assertThat(again.body()).contains("registration URL is not valid");
            assertThat(moodle.registrations)
                    .as("a used URL registers nothing more")
                    .hasSize(1);
        }
    }

    private List<Map<String, Object>> platforms() {
        return as("adam.david").get("/api/admin/lti/platforms").list();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
