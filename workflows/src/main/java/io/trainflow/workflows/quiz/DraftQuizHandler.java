package io.trainflow.workflows.quiz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.quiz.QuizDraft;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.ai.AiTrace;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.RecordedOutput;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RecordedOutput
@TaskType(
        value = "ai-draft-quiz",
        name = "Draft quiz questions (AI)",
        description = "Drafts quiz questions for a catalogue course from the course's own text, for a subject-matter"
                + " expert to approve, edit or reject. A draft is never exported or published by itself.",
        errors = {DraftQuizHandler.COURSE_NOT_IN_CATALOGUE})
public final class DraftQuizHandler implements StepHandler<DraftQuizHandler.Input, DraftQuizHandler.Output> {

    public static final String COURSE_NOT_IN_CATALOGUE = "COURSE_NOT_IN_CATALOGUE";

    static final int DEFAULT_QUESTIONS = 5;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "LMS course id of a catalogue course", feel = "=courseId") @NotBlank
            String courseId,

            @Doc(value = "How many questions to draft (default 5)", optional = true, feel = "=maxQuestions")
            Integer maxQuestions) {}

    public record Output(
            @Doc("The drafted questions, for review") QuizDraft quizDraft,
            @Doc("Provenance of the draft") AiTrace quizDraftProvenance) {}

    private final LmsPort lms;
    private final CataloguePort catalogue;
    private final AiPort ai;

    public DraftQuizHandler(LmsPort lms, CataloguePort catalogue, AiPort ai) {
        this.lms = lms;
        this.catalogue = catalogue;
        this.ai = ai;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        Map<String, CourseOffering> offerings = catalogue.offerings().stream()
                .collect(Collectors.toMap(CourseOffering::courseId, Function.identity(), (a, b) -> a));
        List<CourseCandidate> courses = lms.courses().stream()
                .filter(c -> offerings.containsKey(c.id()))
                .map(c -> new CourseCandidate(
                        c.id(), c.fullname(), c.summary(), offerings.get(c.id()).tags()))
                .toList();
        CourseCandidate course = courses.stream()
                .filter(c -> c.courseId().equals(input.courseId()))
                .findFirst()
                .orElseThrow(() -> new BusinessError(
                        COURSE_NOT_IN_CATALOGUE, "courseId " + input.courseId() + " is not a course of the catalogue"));
        int max = input.maxQuestions() == null || input.maxQuestions() <= 0 ? DEFAULT_QUESTIONS : input.maxQuestions();
        AiResult<QuizDraft> draft = ai.draftQuiz(course, courses, max);
        return new Output(draft.value(), AiTrace.of("quiz-draft", draft.provenance()));
    }
}
