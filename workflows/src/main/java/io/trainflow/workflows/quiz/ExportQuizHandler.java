package io.trainflow.workflows.quiz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.provenance.InputHash;
import io.trainflow.connectors.ai.quiz.ApprovedQuiz;
import io.trainflow.connectors.ai.quiz.GiftExporter;
import io.trainflow.connectors.ai.quiz.MoodleXmlExporter;
import io.trainflow.connectors.ai.quiz.QuizDraft;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;

@TaskType(
        value = "export-quiz",
        name = "Export reviewed quiz",
        description = "Applies the expert's decisions to the drafted questions and writes the approved and edited ones"
                + " as Moodle GIFT and Moodle XML files for the question bank. Rejected questions are never written;"
                + " a review that leaves a question undecided is refused.",
        errors = {ExportQuizHandler.REVIEW_INCOMPLETE})
public final class ExportQuizHandler implements StepHandler<ExportQuizHandler.Input, ExportQuizHandler.Output> {

    public static final String REVIEW_INCOMPLETE = "REVIEW_INCOMPLETE";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The drafted questions", feel = "=quizDraft") @NotNull
            QuizDraft quizDraft,

            @Doc(value = "One decision per drafted question", feel = "=quizReviews")
            List<QuizReview> quizReviews,

            @Doc(value = "Username of the expert who reviewed", feel = "=quizReviewer") @NotBlank
            String quizReviewer) {}

    public record Output(
            @Doc("Paths of the written files: gift and moodleXml")
            Map<String, String> quizFiles,

            @Doc("Number of questions exported") int exportedQuestions) {}

    private final Path directory;
    private final Clock clock;

    public ExportQuizHandler(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        ApprovedQuiz quiz;
        try {
            List<QuizReview> reviews = input.quizReviews() == null ? List.of() : input.quizReviews();
            quiz = ApprovedQuiz.review(
                    input.quizDraft(),
                    input.quizReviewer(),
                    clock.instant(),
                    reviews.stream().map(QuizReview::decision).toList());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessError(REVIEW_INCOMPLETE, "quizReviews: " + e.getMessage());
        }
        // named by what was reviewed: a retried export overwrites its own files instead of adding copies
        String name = "quiz-" + quiz.courseId().replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + InputHash.of("export-quiz", input.quizDraft(), input.quizReviews())
                        .substring(0, 12);
        Path gift = write(name + ".gift.txt", new GiftExporter().export(quiz));
        Path xml = write(name + ".moodle.xml", new MoodleXmlExporter().export(quiz));
        return new Output(
                Map.of("gift", gift.toString(), "moodleXml", xml.toString()),
                quiz.questions().size());
    }

    private Path write(String file, String content) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(file);
            Path tmp = Files.createTempFile(directory, file, ".part");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
