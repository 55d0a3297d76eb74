package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.FeedbackResponse;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;

@TaskType(
        value = "lms-collect-feedback",
        name = "Collect LMS feedback",
        description = "Reads the learner's answers to the feedback forms of the path's courses: recommendation scores"
                + " (average and NPS) and comments. Anonymous answers cannot be attributed and are not counted.")
public final class CollectFeedbackHandler
        implements StepHandler<CollectFeedbackHandler.Input, CollectFeedbackHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Courses of the path", feel = "=learningPath") @NotNull
            List<PathCourse> learningPath) {}

    public record Output(
            @Doc("The learner's reaction (Kirkpatrick level 1)")
            Reaction reaction) {}

    private final LmsPort lms;

    public CollectFeedbackHandler(LmsPort lms) {
        this.lms = lms;
    }

    @Override
    public Output handle(Input input) {
        List<String> courseIds = input.learningPath().stream()
                .map(PathCourse::courseId)
                .distinct()
                .toList();
        String username = input.profile().username();
        List<FeedbackResponse> mine = courseIds.isEmpty()
                ? List.of()
                : lms.feedback(courseIds).stream()
                        .filter(f -> username != null && username.equals(f.username()))
                        .toList();
        List<Integer> scores = mine.stream()
                .map(FeedbackResponse::score)
                .filter(Objects::nonNull)
                .toList();
        Double average = scores.isEmpty()
                ? null
                : Math.round(scores.stream()
                                        .mapToInt(Integer::intValue)
                                        .average()
                                        .orElse(0)
                                * 10)
                        / 10.0;
        List<String> comments = mine.stream()
                .map(FeedbackResponse::comment)
                .filter(c -> c != null && !c.isBlank())
                .toList();
        return new Output(new Reaction(mine.size(), average, Reaction.nps(scores), comments));
    }
}
