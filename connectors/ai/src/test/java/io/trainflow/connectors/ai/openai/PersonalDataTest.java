package io.trainflow.connectors.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.port.Learner;
import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.privacy.DataClassification;
import io.trainflow.connectors.ai.testdata.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Captures every request the stub model receives over a run of every AI step with personal data in
 * play, and proves that no personal value of the sample organisation appears in any of them.
 */
class PersonalDataTest {

    static final Sample.Person ALICE = Sample.person("alice.martin");
    static final Sample.Person SOPHIE = Sample.person("sophie.laurent");

    static Learner alice(String justification) {
        return new Learner(
                ALICE.employeeId(),
                ALICE.username(),
                ALICE.firstName(),
                ALICE.lastName(),
                ALICE.email(),
                SOPHIE.firstName() + " " + SOPHIE.lastName(),
                justification);
    }

    static final String JUSTIFICATION = "Sophie Laurent agreed in our 1:1; Marc Bernard (marc.bernard@acme.example,"
            + " employee 1002) wants me on the data team with theo.mercier. Call me on +33 6 11 22 33 44.";

    static final List<String> COMMENTS = List.of(
            "Hugo Roux was a great trainer and Emma Girard helped everyone with the labs.",
            "The labs were too short, said lea.fournier and I agree.",
            "Please send the slides to nicolas.faure@acme.example.",
            "Employee 1019 could not attend the second day.");

    /** Every personal value of organisation.json: names, usernames, emails, employee ids. */
    static List<String> personalValues() {
        List<String> values = new ArrayList<>();
        for (Sample.Person p : Sample.people()) {
            values.addAll(List.of(p.firstName(), p.lastName(), p.username(), p.email(), p.employeeId()));
        }
        return values;
    }

    @Test
    void noPersonalValueOfTheSampleOrganisationReachesTheModel() throws Exception {
        try (StubModel stub = new StubModel()
                        .answering(
                                r -> r.json().toString().contains("path_explanations")
                                        ? ModelFixtures.explainEveryItem(r)
                                        : r.json().toString().contains("feedback_summary")
                                                ? "{\"summary\":\"Trainer and labs praised.\",\"sentenceIndexes\":[0,1]}"
                                                : "{\"questions\":[{\"type\":\"true_false\",\"stem\":\"SQL has joins.\",\"choices\":[],\"answer\":true,\"feedback\":\"\"}]}");
                ModelAi ai = ModelFixtures.model(stub)) {
            List<PathReason> reasons = ai.explainPath(alice(JUSTIFICATION), ModelFixtures.alicePath())
                    .value();
            var summary = ai.summariseFeedback(COMMENTS, 3);
            ai.explainPath(
                    null,
                    List.of(new io.trainflow.connectors.ai.port.PathItem(
                            ModelFixtures.skill("sql"), ModelFixtures.course("104"), 0.67)));
            ai.draftQuiz(ModelFixtures.course("104"), Sample.catalogue(), 3);

            assertThat(stub.received).hasSize(4);
            String everything = stub.allBodies();
            for (String value : personalValues()) {
                Pattern word = Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(value.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
                assertThat(word.matcher(everything.toLowerCase(Locale.ROOT)).find())
                        .as("personal value '%s' reached the model", value)
                        .isFalse();
            }
            assertThat(everything).doesNotContain("+33", "acme.example");

            // the answers come back with the real names restored, for the manager's eyes only
            assertThat(reasons.get(0).explanation())
                    .isEqualTo("Python for Automation builds Alice Martin's Python skills (similarity 0.83).");
            assertThat(summary.value().sentences()).containsExactly(COMMENTS.get(0), COMMENTS.get(1));
        }
    }

    @Test
    void aFieldClassifiedNeverSendIsNeverSent() throws Exception {
        DataClassification strict = DataClassification.defaults()
                .with(Map.of(
                        "feedback.comments",
                        "NEVER_SEND",
                        "learner.justification",
                        "NEVER_SEND",
                        "learner.name",
                        "NEVER_SEND"));
        try (StubModel stub = new StubModel().answering(ModelFixtures::explainEveryItem);
                ModelAi ai = ModelFixtures.model(ModelFixtures.config(stub), strict)) {
            var summary = ai.summariseFeedback(COMMENTS, 2);
            assertThat(stub.received).isEmpty();
            assertThat(summary.provenance().engine()).startsWith("offline:");
            assertThat(summary.provenance().fallbackReason())
                    .isEqualTo("field feedback.comments is classified NEVER_SEND");

            ai.explainPath(alice("I really need this, Sophie Laurent agrees."), ModelFixtures.alicePath());
            var learner = stub.received.get(0).data().get("learner");
            assertThat(learner.has("untrustedJustification")).isFalse();
            assertThat(learner.has("name")).isFalse();
            assertThat(learner.get("email").asString()).startsWith("EMAIL_");
        }
    }
}
