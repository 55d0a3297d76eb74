package io.trainflow.plugin.quizzes;

import io.trainflow.plugin.api.QuizzesApi;
import io.trainflow.plugin.api.model.QuizRequest;
import io.trainflow.plugin.api.model.QuizStarted;
import io.trainflow.plugin.api.model.QuizStatus;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.ProcessStarter;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST face of quiz drafting: L&D or an SME starts a review; the exported files are listed once the expert approved.
 * Both answers name who can review, since the starter cannot.
 */
@RestController
public class QuizzesController implements QuizzesApi {

    private final Intake intake;
    private final ProcessHistoryPort processes;
    private final QuizReviewers reviewers;

    public QuizzesController(Intake intake, ProcessHistoryPort processes, QuizReviewers reviewers) {
        this.intake = intake;
        this.processes = processes;
        this.reviewers = reviewers;
    }

    @Override
    public ResponseEntity<QuizStarted> startQuiz(QuizRequest body) {
        String user = CurrentUser.name();
        ProcessStarter.Started started = intake.quiz(user, body.getCourseId(), body.getMaxQuestions());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new QuizStarted(started.id(), started.businessKey(), QuizReviewers.GROUP, reviewers.of(user)));
    }

    @Override
    public ResponseEntity<QuizStatus> getQuiz(String quizId) {
        if (!intake.mayWorkOnQuizzes(CurrentUser.name())) {
            throw new TrainflowProblem.Forbidden(
                    CurrentUser.name() + " is not in L&D (ld-team) or a subject-matter expert (sme)");
        }
        ProcessHistoryPort.ProcessRecord quiz = processes
                .byBusinessKey("quiz-review", quizId)
                .orElseThrow(() -> new TrainflowProblem.NotFound("No quiz review " + quizId));
        Map<String, Object> vars = processes.variables(quiz.id());
        QuizStatus status = new QuizStatus(
                        quizId, quiz.ended() == null ? QuizStatus.StateEnum.ACTIVE : QuizStatus.StateEnum.ENDED)
                .courseId((String) vars.get("courseId"))
                .startedBy((String) vars.get("requestedBy"));
        if (quiz.ended() == null) {
            status.reviewers(reviewers.of((String) vars.get("requestedBy")));
        }
        if (vars.get("exportedQuestions") instanceof Number n) {
            status.exportedQuestions(n.intValue());
        }
        if (vars.get("quizFiles") instanceof Map<?, ?> files) {
            files.forEach((format, path) -> status.putFilesItem(String.valueOf(format), String.valueOf(path)));
        }
        return ResponseEntity.ok(status);
    }
}
