package io.trainflow.connectors.ai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final Pseudonymiser.Person ALICE =
            new Pseudonymiser.Person("1004", "Alice", "Martin", "alice.martin", "alice.martin@acme.example", "1004");
    private static final Pseudonymiser.Person SOPHIE = new Pseudonymiser.Person(
            "1003", "Sophie", "Laurent", "sophie.laurent", "sophie.laurent@acme.example", "1003");

    private final Pseudonymiser p = Pseudonymiser.of("k".getBytes(StandardCharsets.UTF_8), List.of(ALICE, SOPHIE));

    @Test
    void replacesEveryFormOfAKnownPersonAndRestoresThem() {
        String text = "Alice Martin (alice.martin, ALICE.MARTIN@acme.example, no. 1004) asked Sophie; martin agreed.";
        Pseudonymiser.Session session = new Pseudonymiser.Session();
        String masked = p.mask(text, session);
        assertThat(masked)
                .doesNotContainIgnoringCase("alice")
                .doesNotContainIgnoringCase("martin")
                .doesNotContain("1004")
                .doesNotContainIgnoringCase("sophie");
        assertThat(masked)
                .matches("PERSON_[A-Z2-7]{8} \\(USER_[A-Z2-7]{8}, EMAIL_[A-Z2-7]{8}, no\\. EMPNO_[A-Z2-7]{8}\\)"
                        + " asked FIRSTNAME_[A-Z2-7]{8}; LASTNAME_[A-Z2-7]{8} agreed\\.");
        // the same person keeps one code across forms and across calls
        String code = masked.substring("PERSON_".length(), "PERSON_".length() + 8);
        assertThat(masked).contains("USER_" + code, "EMAIL_" + code, "EMPNO_" + code, "LASTNAME_" + code);
        assertThat(p.mask("Alice Martin", new Pseudonymiser.Session())).isEqualTo("PERSON_" + code);
        assertThat(p.restore(masked, session))
                .isEqualTo(
                        "Alice Martin (alice.martin, alice.martin@acme.example, no. 1004) asked Sophie; Martin agreed.");
    }

    @Test
    void catchesIdentifiersOfPeopleNotInTheDirectory() {
        Pseudonymiser.Session session = new Pseudonymiser.Session();
        String text = "Contact j.doe@partner.example or +33 6 12 34 56 78, employee #48213.";
        String masked = p.mask(text, session);
        assertThat(masked).doesNotContain("j.doe", "partner.example", "12 34", "48213");
        assertThat(p.restore(masked, session)).isEqualTo(text);
    }

    @Test
    void aKnownUsernameInsideAnUnknownAddressLeavesNothingBehind() {
        Pseudonymiser.Session session = new Pseudonymiser.Session();
        String masked = p.mask("private mail: alice.martin@gmail.com", session);
        assertThat(masked).doesNotContain("alice", "gmail").matches("private mail: EMAIL_[A-Z2-7]{8}");
        assertThat(p.restore(masked, session)).isEqualTo("private mail: alice.martin@gmail.com");
    }

    @Test
    void wordsThatMerelyContainANameAreLeftAlone() {
        assertThat(p.mask("Martinez and Sophiechen; 100400 items", new Pseudonymiser.Session()))
                .isEqualTo("Martinez and Sophiechen; 100400 items");
    }

    @Test
    void codesDependOnTheSecret() {
        Pseudonymiser other = Pseudonymiser.of("other".getBytes(StandardCharsets.UTF_8), List.of(ALICE));
        assertThat(other.mask("Alice Martin", new Pseudonymiser.Session()))
                .isNotEqualTo(p.mask("Alice Martin", new Pseudonymiser.Session()));
    }

    @Test
    void anUnknownTokenInTheAnswerIsLeftAsItIs() {
        assertThat(p.restore("PERSON_AAAAAAAA did well", new Pseudonymiser.Session()))
                .isEqualTo("PERSON_AAAAAAAA did well");
    }

    @Test
    void unclassifiedFieldsNeverLeave() {
        DataClassification c = DataClassification.defaults().with(java.util.Map.of("feedback.comments", "never-send"));
        assertThat(c.maySend("feedback.comments")).isFalse();
        assertThat(c.maySend("learner.salary")).isFalse();
        assertThat(c.maySend("course.summary")).isTrue();
    }
}
