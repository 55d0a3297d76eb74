package io.trainflow.plugin.quizzes;

import io.trainflow.plugin.api.QuizzesApi;
import io.trainflow.plugin.api.model.QuizRequest;
import io.trainflow.plugin.api.model.QuizStarted;
import io.trainflow.plugin.api.model.QuizStatus;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.HashMap;
import java.util.Map;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.ProcessInstance;
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
    private final TrainflowEngine engine;
    private final QuizReviewers reviewers;

    public QuizzesController(Intake intake, TrainflowEngine engine, QuizReviewers reviewers) {
        this.intake = intake;
        this.engine = engine;
        this.reviewers = reviewers;
    }

    @Override
    public ResponseEntity<QuizStarted> startQuiz(QuizRequest body) {
        String user = CurrentUser.name();
        ProcessInstance started = intake.quiz(user, body.getCourseId(), body.getMaxQuestions());
        return ResponseEntity.status(HttpStatus.CREATED).body(new QuizStarted(started.getId(), started.getBusinessKey(),
                QuizReviewers.GROUP, reviewers.of(user)));
    }

    @Override
    public ResponseEntity<QuizStatus> getQuiz(String quizId) {
        if (!intake.mayWorkOnQuizzes(CurrentUser.name())) {
            throw new TrainflowProblem.Forbidden(CurrentUser.name() + " is not in L&D (ld-team) or a subject-matter expert (sme)");
        }
        var history = engine.flowable().getHistoryService();
        HistoricProcessInstance quiz = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(quizId)
                .processDefinitionKey("quiz-review").singleResult();
        if (quiz == null) {
            throw new TrainflowProblem.NotFound("No quiz review " + quizId);
        }
        Map<String, Object> vars = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(quiz.getId()).list()
                .forEach(v -> vars.put(v.getVariableName(), v.getValue()));
        QuizStatus status = new QuizStatus(quizId, quiz.getEndTime() == null ? QuizStatus.StateEnum.ACTIVE
                : QuizStatus.StateEnum.ENDED).courseId((String) vars.get("courseId"))
                .startedBy((String) vars.get("requestedBy"));
        if (quiz.getEndTime() == null) {
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
