package io.trainflow.connectors.ai.openai;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.port.Learner;
import io.trainflow.connectors.ai.port.NeedsAnalysis;
import io.trainflow.connectors.ai.port.PathItem;
import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.port.SessionMatch;
import io.trainflow.connectors.ai.port.SessionOption;
import io.trainflow.connectors.ai.port.StepRules;
import io.trainflow.connectors.ai.privacy.DataClassification;
import io.trainflow.connectors.ai.privacy.OutboundData;
import io.trainflow.connectors.ai.privacy.Pseudonymiser;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.provenance.Provenance;
import io.trainflow.connectors.ai.quiz.QuizDraft;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any OpenAI-compatible endpoint behind the AI port. Ranking stays with the offline embeddings (the
 * model explains, it does not choose); needs analysis and session matching start from the deterministic
 * rule and the model may only re-order and explain its result; texts are asked for as schema-bound JSON, checked against the
 * schema and the rules (only given course ids and skill ids, every item once), and restored from
 * pseudonyms. Whatever goes wrong, the step gets the offline result, with the reason in its provenance.
 * Owns its {@link ChatClient}: closing the engine stops the model's Camel context.
 */
public final class ModelAi implements AiPort {

    private static final Logger LOG = LoggerFactory.getLogger(ModelAi.class);

    private final ChatClient client;
    private final StructuredCall call;
    private final OfflineAi offline;
    private final Pseudonymiser pseudonymiser;
    private final DataClassification classification;
    private final Clock clock;
    private final String engine;

    public ModelAi(
            OpenAiConfig config,
            ChatClient client,
            OfflineAi offline,
            Pseudonymiser pseudonymiser,
            DataClassification classification,
            Clock clock) {
        this.client = client;
        this.call = new StructuredCall(config, client);
        this.offline = offline;
        this.pseudonymiser = pseudonymiser;
        this.classification = classification;
        this.clock = clock;
        this.engine = "openai-compatible:" + config.model();
    }

    @Override
    public String engine() {
        return engine;
    }

    public OfflineAi offline() {
        return offline;
    }

    /** Stops the model's routes; the shared offline engine stays usable. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public AiResult<NeedsAnalysis> analyseNeeds(String roleName, List<SkillNeed> requirements) {
        AiResult<NeedsAnalysis> fallback = offline.analyseNeeds(roleName, requirements);
        List<SkillNeed> gaps = fallback.value().gaps();
        if (gaps.isEmpty()) {
            return fallback; // no gap: nothing to order or explain
        }
        return attempt(Prompts.ANALYSE_NEEDS, fallback, () -> {
            OutboundData out = new OutboundData(classification, pseudonymiser);
            var answer = call.ask(Prompts.ANALYSE_NEEDS, StepRequests.needs(out, roleName, gaps));
            return StepRequests.needsAnalysis(answer, requirements, gaps, out);
        });
    }

    @Override
    public AiResult<SessionMatch> matchSessions(
            String courseId, String courseTitle, List<SessionOption> sessions, Instant now, Instant deadline) {
        AiResult<SessionMatch> fallback = offline.matchSessions(courseId, courseTitle, sessions, now, deadline);
        List<SessionOption> eligible = StepRules.eligible(sessions, now, deadline);
        if (eligible.size() < 2) {
            return fallback; // nothing to choose between
        }
        return attempt(Prompts.MATCH_SESSIONS, fallback, () -> {
            OutboundData out = new OutboundData(classification, pseudonymiser);
            var answer = call.ask(Prompts.MATCH_SESSIONS, StepRequests.sessions(out, courseId, courseTitle, eligible));
            return StepRequests.sessionMatch(answer, eligible, out);
        });
    }

    @Override
    public AiResult<List<CourseMatch>> rankCourses(SkillNeed need, List<CourseCandidate> candidates) {
        return offline.rankCourses(need, candidates);
    }

    @Override
    public AiResult<List<PathReason>> explainPath(Learner learner, List<PathItem> items) {
        AiResult<List<PathReason>> fallback = offline.explainPath(learner, items);
        if (items.isEmpty()) {
            return fallback;
        }
        return attempt(Prompts.EXPLAIN_PATH, fallback, () -> {
            OutboundData out = new OutboundData(classification, pseudonymiser);
            var answer = call.ask(Prompts.EXPLAIN_PATH, Requests.explainPath(out, learner, items));
            return Requests.pathReasons(answer, items, out);
        });
    }

    @Override
    public AiResult<FeedbackSummary> summariseFeedback(List<String> comments, int maxSentences) {
        AiResult<FeedbackSummary> fallback = offline.summariseFeedback(comments, maxSentences);
        if (fallback.value().sentences().isEmpty()) {
            return fallback; // nothing to summarise: no call
        }
        if (!classification.maySend("feedback.comments")) {
            return fallback.asFallbackFrom(engine, "field feedback.comments is classified NEVER_SEND");
        }
        return attempt(Prompts.SUMMARISE_FEEDBACK, fallback, () -> {
            OutboundData out = new OutboundData(classification, pseudonymiser);
            List<String> sentences = Requests.sentences(comments);
            var answer = call.ask(Prompts.SUMMARISE_FEEDBACK, Requests.summary(out, sentences, maxSentences));
            return Requests.feedbackSummary(answer, sentences, maxSentences, out, engine);
        });
    }

    @Override
    public AiResult<QuizDraft> draftQuiz(CourseCandidate course, List<CourseCandidate> catalogue, int maxQuestions) {
        AiResult<QuizDraft> fallback = offline.draftQuiz(course, catalogue, maxQuestions);
        return attempt(Prompts.DRAFT_QUIZ, fallback, () -> {
            OutboundData out = new OutboundData(classification, pseudonymiser);
            var answer = call.ask(Prompts.DRAFT_QUIZ, Requests.quiz(out, course, maxQuestions));
            return Requests.quizDraft(answer, course, maxQuestions, out);
        });
    }

    /**
     * Runs the model step; on any failure returns the offline result marked with the reason. The input
     * hash stays the offline one: both engines were given the same inputs.
     */
    private <T> AiResult<T> attempt(PromptTemplate template, AiResult<T> fallback, Supplier<T> step) {
        try {
            T value = step.get();
            return new AiResult<>(
                    value,
                    Provenance.of(
                            engine, template.version(), fallback.provenance().inputHash(), clock.instant()));
        } catch (RuntimeException e) {
            // whatever goes wrong with the model, the step still gets a result; the reason goes to the audit trail
            String reason = e instanceof ModelCallException
                    ? e.getMessage()
                    : e instanceof IllegalArgumentException
                            ? "answer rejected: " + e.getMessage()
                            : "unexpected " + e.getClass().getSimpleName();
            LOG.warn("{} step {} fell back to {}: {}", engine, template.version(), offline.engine(), reason);
            return fallback.asFallbackFrom(engine, reason);
        }
    }
}
