package io.trainflow.connectors.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.port.NeedsAnalysis;
import io.trainflow.connectors.ai.port.SessionMatch;
import io.trainflow.connectors.ai.port.SessionOption;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Needs analysis and session matching: a model may re-order and explain the rule's result, nothing more. */
class ModelStepsTest {

    private static final List<SkillNeed> REQUIREMENTS = List.of(
            new SkillNeed("python", "Python", "Scripting in Python", 4, 1),
            new SkillNeed("sql", "SQL", "Querying relational databases", 3, 2),
            new SkillNeed("git", "Git", "Version control", 2, 2));
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final List<SessionOption> SESSIONS = List.of(
            new SessionOption(
                    "s-early",
                    Instant.parse("2025-03-10T09:00:00Z"),
                    Instant.parse("2025-03-11T17:00:00Z"),
                    "Claire Fontaine",
                    3),
            new SessionOption(
                    "s-late",
                    Instant.parse("2025-04-10T09:00:00Z"),
                    Instant.parse("2025-04-11T17:00:00Z"),
                    "Claire Fontaine",
                    8),
            new SessionOption(
                    "s-full",
                    Instant.parse("2025-03-05T09:00:00Z"),
                    Instant.parse("2025-03-06T17:00:00Z"),
                    "Claire Fontaine",
                    0),
            new SessionOption(
                    "s-past",
                    Instant.parse("2025-02-01T09:00:00Z"),
                    Instant.parse("2025-02-02T17:00:00Z"),
                    "Claire Fontaine",
                    5));

    private static AiResult<NeedsAnalysis> needsAnswered(String content) throws Exception {
        try (StubModel stub = new StubModel().then(200, StubModel.completion(content));
                ModelAi ai = ModelFixtures.model(stub)) {
            return ai.analyseNeeds("Software engineer", REQUIREMENTS);
        }
    }

    @Test
    void offlineTheGapsAreTheRuleLargestFirstWithAnExplanation() {
        AiResult<NeedsAnalysis> result = TestEngines.offline().analyseNeeds("Software engineer", REQUIREMENTS);
        assertThat(result.value().gaps()).extracting(SkillNeed::skillId).containsExactly("python", "sql");
        assertThat(result.value().explanation())
                .isEqualTo(
                        "2 of the 3 skills Software engineer requires are below the required level: Python 1 of 4, SQL 2 of 3.");
        assertThat(result.provenance().templateVersion()).isEqualTo("rule-needs/1");
    }

    @Test
    void aModelMayReorderAndExplainTheGaps() throws Exception {
        AiResult<NeedsAnalysis> result = needsAnswered(
                "{\"order\":[\"sql\",\"python\"],\"explanation\":\"SQL first: the team's reports depend on it.\"}");
        assertThat(result.provenance().fellBack()).isFalse();
        assertThat(result.provenance().templateVersion()).isEqualTo("model-needs/1");
        assertThat(result.value().gaps()).extracting(SkillNeed::skillId).containsExactly("sql", "python");
        assertThat(result.value().gaps().get(0))
                .isEqualTo(REQUIREMENTS.get(1)); // levels are the rule's, not the model's
        assertThat(result.value().explanation()).isEqualTo("SQL first: the team's reports depend on it.");
    }

    @Test
    void aModelInventingASkillFallsBackToTheRule() throws Exception {
        AiResult<NeedsAnalysis> invented = needsAnswered(
                "{\"order\":[\"python\",\"leadership\",\"sql\"],\"explanation\":\"Leadership matters too.\"}");
        assertThat(invented.value())
                .isEqualTo(TestEngines.offline()
                        .analyseNeeds("Software engineer", REQUIREMENTS)
                        .value());
        assertThat(invented.provenance().fallbackReason())
                .isEqualTo("skill leadership is not in the role's requirements");

        AiResult<NeedsAnalysis> metSkill =
                needsAnswered("{\"order\":[\"python\",\"sql\",\"git\"],\"explanation\":\"x\"}");
        assertThat(metSkill.provenance().fallbackReason()).isEqualTo("skill git is not below the required level");

        AiResult<NeedsAnalysis> dropped = needsAnswered("{\"order\":[\"python\"],\"explanation\":\"x\"}");
        assertThat(dropped.provenance().fallbackReason()).isEqualTo("gap sql is missing from the answer");
    }

    @Test
    void offlineTheEarliestUpcomingSessionWithSeatsIsChosen() {
        AiResult<SessionMatch> result = TestEngines.offline().matchSessions("104", "SQL", SESSIONS, NOW, null);
        assertThat(result.value().ranking()).containsExactly("s-early", "s-late");
        assertThat(result.value().reason()).startsWith("Earliest upcoming session of SQL with seats left: s-early");
        AiResult<SessionMatch> beforeDeadline =
                TestEngines.offline().matchSessions("104", "SQL", SESSIONS, NOW, Instant.parse("2025-03-08T00:00:00Z"));
        assertThat(beforeDeadline.value().ranking()).isEmpty();
        assertThat(beforeDeadline.value().reason()).contains("before 2025-03-08T00:00:00Z");
    }

    @Test
    void aModelChoosesAmongTheTakeableSessionsOnlyAndNeverSeesTheTrainersName() throws Exception {
        try (StubModel stub = new StubModel()
                        .then(
                                200,
                                StubModel.completion(
                                        "{\"ranking\":[\"s-late\",\"s-early\"],\"reason\":\"More seats left.\"}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            AiResult<SessionMatch> result = ai.matchSessions("104", "SQL", SESSIONS, NOW, null);
            assertThat(result.value().chosen()).isEqualTo("s-late");
            assertThat(result.provenance().templateVersion()).isEqualTo("model-sessions/1");
            assertThat(stub.received.get(0).data().get("sessions"))
                    .extracting(s -> s.get("sessionId").asString())
                    .containsExactly("s-early", "s-late");
            assertThat(stub.allBodies()).doesNotContain("Claire", "Fontaine");
        }
        try (StubModel stub = new StubModel()
                        .then(
                                200,
                                StubModel.completion(
                                        "{\"ranking\":[\"s-full\",\"s-early\",\"s-late\"],\"reason\":\"Soonest.\"}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            AiResult<SessionMatch> result = ai.matchSessions("104", "SQL", SESSIONS, NOW, null);
            assertThat(result.value().chosen()).isEqualTo("s-early");
            assertThat(result.provenance().fallbackReason())
                    .isEqualTo("session s-full is not among the sessions given");
        }
    }
}
