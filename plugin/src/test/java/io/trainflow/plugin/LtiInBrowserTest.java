package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trainflow inside a Moodle-like course page ({@link LtiTestPlatform}, another site: 127.0.0.1 against Trainflow's
 * localhost) in a real headless Chromium set to block third-party cookies: the iframe's login and launch work
 * without Trainflow's cookie, the login's state kept in the platform's storage frame (LTI client-side postMessages), the embedded page calls the API with its launch token, the person asks for training
 * with the course pre-selected and opens its learning path, and the page passes axe-core's WCAG 2.1 AA rules. Person: thomas.rousseau (no other
 * test starts a request for him).
 */
class LtiInBrowserTest extends RunningTrainflow {

    @Test
    void anEmployeeAsksForTrainingInsideMoodlesFrameWithThirdPartyCookiesBlocked() {
        try (LtiTestPlatform moodle = new LtiTestPlatform();
                Chromium browser = new Chromium(port, true)) {
            assertThat(as("adam.david")
                            .post("/api/admin/lti/platforms", moodle.registrationJson())
                            .status())
                    .isEqualTo(201);
            moodle.user("thomas", "thomas.rousseau", List.of(LtiTestPlatform.LEARNER), "119");

            browser.openUrl(moodle.issuer() + "/course?storage=1&hint=thomas&tool="
                    + URLEncoder.encode("http://localhost:" + port, StandardCharsets.UTF_8));
            browser.intoFrame("#tool");
            browser.waitForText("h1", "Thomas Rousseau");
            assertThat(browser.cookies())
                    .as("the browser kept none of Trainflow's cookies in the frame")
                    .noneMatch(c -> c.getName().startsWith("tf_lti_state_"));
            assertThat(browser.field("#wish").isSelected())
                    .as("the course launched from is the wish")
                    .isTrue();
            browser.assertAccessible("the page inside Moodle");

            browser.field("#justification").sendKeys("Coaching my new colleagues");
            browser.click("#start-request button[type=submit]");
            browser.waitForText("#status", "sent");
            browser.waitForText("#my-requests", "Coaching my new colleagues");
            browser.click("#my-requests details summary");
            browser.waitFor("#my-requests details ol.path, #my-requests details p.muted");
            browser.assertAccessible("the page inside Moodle with a request and its learning path opened");
            browser.outOfFrame();
            assertThat(String.valueOf(browser.script("return window.ltiStorage.join(',')")))
                    .as("the login's state was kept in the platform's storage frame and read back at the launch")
                    .isEqualTo("put,get");
        }
    }

    @Test
    void ldSeesWhoACourseCampaignWouldIncludeAndStartsItInsideMoodle() {
        try (LtiTestPlatform moodle = new LtiTestPlatform();
                Chromium browser = new Chromium(port, true)) {
            assertThat(as("adam.david")
                            .post("/api/admin/lti/platforms", moodle.registrationJson())
                            .status())
                    .isEqualTo(201);
            moodle.user("zoe", "zoe.vincent", List.of(LtiTestPlatform.INSTRUCTOR), "4", "PY-AUTO");
            moodle.withNamesAndRoles("zoe");
            moodle.toolJwksUrl = "http://localhost:" + port + "/lti/jwks";
            // julie and louis have no gap: their requests end at once
            moodle.member("10", "julie.lambert", "Julie Lambert", "Learner", "Active");
            moodle.member("11", "louis.garnier", "Louis Garnier", "Learner", "Active");
            moodle.member("12", "ghost.learner", "Ghost Learner", "Learner", "Active");

            browser.openUrl(moodle.issuer() + "/course?storage=1&hint=zoe&tool="
                    + URLEncoder.encode("http://localhost:" + port, StandardCharsets.UTF_8));
            browser.intoFrame("#tool");
            browser.waitForText("#campaign-title", "Course 4");
            browser.click("#preview-campaign");
            browser.waitForText("#campaign-preview", "Julie Lambert");
            assertThat(browser.text("#campaign-preview"))
                    .contains("Included (2)")
                    .contains("Louis Garnier")
                    .contains("Not known to Trainflow (1)")
                    .contains("Ghost Learner")
                    .contains("not an employee in the HR system");
            browser.assertAccessible("the course campaign's preview inside Moodle");
            browser.click("#start-campaign");
            browser.waitForText("#status", "started for 2 people");
        }
    }
}
