package io.trainflow.connectors.ai.quiz;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.provenance.AiResult;
import java.util.List;

/** Drafts quiz questions from a course's own text; the catalogue supplies plausible wrong answers. */
public interface QuizDrafter {

    AiResult<QuizDraft> draftQuiz(CourseCandidate course, List<CourseCandidate> catalogue, int maxQuestions);
}
