package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.FeedbackResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feedback answers: the activities come from the recorded mod_feedback_get_feedbacks_by_courses,
 * the answers from a response constructed from Moodle 4.5's definition of
 * mod_feedback_get_responses_analysis (see README-fixtures.md, "Constructed, not recorded").
 */
class MoodleFeedbackTest extends MoodleWireMockBase {

    private static final String NO_ANSWERS =
            "{\"attempts\":[],\"totalattempts\":0,\"anonattempts\":[],\"totalanonattempts\":0,\"warnings\":[]}";

    @Test
    void answersOfEachFeedbackActivityWithTheResponderByUsername() {
        replay(call("mod_feedback_get_feedbacks_by_courses"), "mod_feedback_get_feedbacks_by_courses");
        replay(
                call("mod_feedback_get_responses_analysis").withFormParam("feedbackid", equalTo("4")),
                "mod_feedback_get_responses_analysis__constructed");
        for (String other : List.of("5", "6")) {
            wm.stubFor(call("mod_feedback_get_responses_analysis")
                    .withFormParam("feedbackid", equalTo(other))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(NO_ANSWERS)));
        }
        replay(
                call("core_user_get_users_by_field")
                        .withFormParam("field", equalTo("id"))
                        .withFormParam("values[0]", equalTo("5")),
                "core_user_get_users_by_field");

        List<FeedbackResponse> answers = lms.feedback(List.of("2", "3", "4"));

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.courseId()).isEqualTo("2");
            assertThat(a.username()).isEqualTo("alice.employee");
            assertThat(a.score()).isEqualTo(9); // the label, not the multichoice index in rawval
            assertThat(a.comment()).isEqualTo("Clear and practical, more exercises please");
            assertThat(a.submittedAt()).isEqualTo(Instant.ofEpochSecond(1795416000));
        });
        wm.verify(1, calls("mod_feedback_get_feedbacks_by_courses"));
        wm.verify(3, calls("mod_feedback_get_responses_analysis").withFormParam("perpage", equalTo("0")));
        wm.verify(1, calls("core_user_get_users_by_field"));
    }
}
