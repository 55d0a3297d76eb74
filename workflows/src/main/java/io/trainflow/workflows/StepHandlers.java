package io.trainflow.workflows;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.approval.ResolveApproverHandler;
import io.trainflow.workflows.budget.CheckBudgetHandler;
import io.trainflow.workflows.enrolment.CreateCalendarEventsHandler;
import io.trainflow.workflows.enrolment.EnrolHandler;
import io.trainflow.workflows.evaluation.CollectFeedbackHandler;
import io.trainflow.workflows.evaluation.CollectGradesHandler;
import io.trainflow.workflows.evaluation.LoadReviewHandler;
import io.trainflow.workflows.evaluation.RecordOutcomeHandler;
import io.trainflow.workflows.evaluation.RecordTrainingHandler;
import io.trainflow.workflows.intake.ExcludeOpenRequestsHandler;
import io.trainflow.workflows.needs.AnalyseNeedsHandler;
import io.trainflow.workflows.notify.SendNotificationHandler;
import io.trainflow.workflows.path.RankLearningPathHandler;
import io.trainflow.workflows.profile.CurrentManagerHandler;
import io.trainflow.workflows.profile.LoadProfileHandler;
import io.trainflow.workflows.programme.BuildReportHandler;
import io.trainflow.workflows.programme.ListDepartmentHandler;
import io.trainflow.workflows.programme.SummariseFeedbackHandler;
import io.trainflow.workflows.progress.CheckProgressHandler;
import io.trainflow.workflows.progress.ExtendEnrolmentHandler;
import io.trainflow.workflows.quiz.DraftQuizHandler;
import io.trainflow.workflows.quiz.ExportQuizHandler;
import io.trainflow.workflows.sessions.MatchSessionsHandler;
import java.util.List;

/** Every Trainflow step handler, one per task type of docs/TASK-TYPES.md, wired to the ports. */
public final class StepHandlers {

    private StepHandlers() {
    }

    public static List<StepHandler<?, ?>> all(TrainflowPorts p) {
        return List.of(
                new LoadProfileHandler(p.hcm(), p.lms(), p.catalogue()),
                new CurrentManagerHandler(p.hcm()),
                new AnalyseNeedsHandler(p.catalogue(), p.hcm(), p.ai()),
                new RankLearningPathHandler(p.lms(), p.catalogue(), p.hcm(), p.ai()),
                new ExcludeOpenRequestsHandler(),
                new MatchSessionsHandler(p.catalogue(), p.lms(), p.ai(), p.clock()),
                new CheckBudgetHandler(p.catalogue()),
                new ResolveApproverHandler(p.hcm(), p.catalogue(), p.delegations(), p.clock()),
                new SendNotificationHandler(p.lms()),
                new EnrolHandler(p.lms(), p.catalogue(), p.clock()),
                new CreateCalendarEventsHandler(p.lms()),
                new CheckProgressHandler(p.lms(), p.clock()),
                new ExtendEnrolmentHandler(p.lms(), p.clock()),
                new CollectFeedbackHandler(p.lms()),
                new CollectGradesHandler(p.lms()),
                new RecordTrainingHandler(p.hcm(), p.lms(), p.clock()),
                new LoadReviewHandler(p.hcm()),
                new RecordOutcomeHandler(p.outcomes(), p.clock()),
                new ListDepartmentHandler(p.hcm()),
                new BuildReportHandler(p.outcomes()),
                new SummariseFeedbackHandler(p.ai()),
                new DraftQuizHandler(p.lms(), p.catalogue(), p.ai()),
                new ExportQuizHandler(p.quizExports(), p.clock()));
    }
}
