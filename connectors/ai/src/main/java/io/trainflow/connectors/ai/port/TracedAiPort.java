package io.trainflow.connectors.ai.port;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.quiz.QuizDrafter;
import java.util.List;

/**
 * The AI port as this module proposes it: every operation returns its value with a provenance record
 * (engine, template version, input hash, time, and the fallback taken if any). The plain {@link AiPort}
 * methods stay as defaults so the existing handlers keep compiling; they drop the provenance.
 * Nothing here approves, rejects or publishes: outputs are drafts for a person (quiz drafts included,
 * see {@link io.trainflow.connectors.ai.quiz.ApprovedQuiz}).
 */
public interface TracedAiPort extends AiPort, QuizDrafter {

    AiResult<List<CourseMatch>> rankCoursesTraced(SkillNeed need, List<CourseCandidate> candidates);

    AiResult<String> explainMatchTraced(SkillNeed need, CourseCandidate course, double similarity);

    AiResult<FeedbackSummary> summariseFeedbackTraced(List<String> comments, int maxSentences);

    /** One reason per item, in the items' order, for the manager who approves the path. */
    AiResult<List<PathReason>> explainPath(Learner learner, List<PathItem> items);

    @Override
    default List<CourseMatch> rankCourses(SkillNeed need, List<CourseCandidate> candidates) {
        return rankCoursesTraced(need, candidates).value();
    }

    @Override
    default String explainMatch(SkillNeed need, CourseCandidate course, double similarity) {
        return explainMatchTraced(need, course, similarity).value();
    }

    @Override
    default FeedbackSummary summariseFeedback(List<String> comments, int maxSentences) {
        return summariseFeedbackTraced(comments, maxSentences).value();
    }
}
