package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.MessageReceipt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: Moodle keeps no client id, so a message whose outcome a crash lost is looked for before it is sent
 * again: the same text from Trainflow's account to the learner since the intent was recorded
 * (core_message_get_messages), when the service offers the function; otherwise it cannot tell and it is resent.
 */
class MoodleMessageResendTest extends MoodleWireMockBase {

    private static final String ENROLLED =
            "You are enrolled in Python for Automation, session S-1 from 2026-03-02 to 2026-03-04.";
    /** When the constructed answer's newest message was created. */
    private static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");

    private void siteOffersGetMessages(boolean offered) {
        String site = fixture("core_webservice_get_site_info");
        if (offered) {
            site = site.replace(
                    "\"functions\":[",
                    "\"functions\":[{\"name\":\"core_message_get_messages\",\"version\":\"2024100705\"},");
        }
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okForContentType("application/json", site)));
        replay(
                call("core_message_get_messages")
                        .withFormParam("useridto", equalTo("5"))
                        .withFormParam("useridfrom", equalTo("3")),
                "core_message_get_messages__constructed-sent");
    }

    @Test
    void theSameTextSentSinceTheIntentIsFoundAndNotSentAgain() {
        knownUsers();
        siteOffersGetMessages(true);

        assertThat(lms.sentMessage("alice.employee", "trainflow-1", ENROLLED, SENT.minusSeconds(2)))
                .contains(new MessageReceipt(41, "trainflow-1", null));
        assertThat(lms.sentMessage("alice.employee", "trainflow-1", ENROLLED, SENT.plusSeconds(30)))
                .as("sent before the intent: another step's message")
                .isEmpty();
        assertThat(lms.sentMessage(
                        "alice.employee", "trainflow-1", "You are enrolled in SQL Basics.", SENT.minusSeconds(2)))
                .as("other text")
                .isEmpty();
        assertThat(lms.sentMessage("alice.employee", "trainflow-1", ENROLLED, null))
                .as("intent time unknown")
                .isEmpty();
    }

    @Test
    void withoutTheFunctionInTheServiceMoodleCannotTellAndIsNotAsked() {
        knownUsers();
        siteOffersGetMessages(false);

        assertThat(lms.sentMessage("alice.employee", "trainflow-1", ENROLLED, SENT.minusSeconds(2)))
                .isEmpty();
        wm.verify(0, calls("core_message_get_messages"));
    }
}
