package io.trainflow.workflows.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.api.StepContext;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One open request per employee and course (issue 10): a request leaves out every course another running request
 * of the same employee already holds (their own, a manager's nomination, a campaign's) and names that request
 * instead; with nothing left, it ends as already requested, saying so in status, to the requester and in the
 * programme report. The check and the claim of the kept courses are one step under a lock on the employee that
 * every node takes, so two requests of one employee checked at the same moment never both keep a course.
 */
@TaskType(
        value = "exclude-open-requests",
        name = "Exclude courses already requested",
        description = "Drops from the learning path every course another open request of the same employee holds,"
                + " names that request (linkedRequests, linkNote), and claims the rest for this request. An empty"
                + " path means everything is already requested: the process ends the request saying so.")
public final class ExcludeOpenRequestsHandler
        implements StepHandler<ExcludeOpenRequestsHandler.Input, ExcludeOpenRequestsHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "This request's id", feel = "=requestId") @NotBlank
            String requestId,

            @Doc(value = "HCM id of the learner", feel = "=employeeId") @NotBlank
            String employeeId,

            @Doc(value = "The ranked learning path", feel = "=learningPath") @NotNull
            List<PathCourse> learningPath) {}

    /** A course left out because another open request holds it. */
    public record LinkedCourse(
            @Doc("LMS course id") String courseId,
            @Doc("Course title") String title,
            @Doc("The open request that holds it") String requestId) {}

    public record Output(
            @Doc("The learning path without courses another open request holds")
            List<PathCourse> learningPath,

            @Doc("Total cost of the remaining path (EUR)") double pathCost,

            @Doc("Courses left out, each with the request that holds it")
            List<LinkedCourse> linkedRequests,

            @Doc(
                    value =
                            "The same in words for people (status, the programme report); null when nothing was left out",
                    optional = true)
            String linkNote) {}

    private final Supplier<OpenRequests> openRequests;

    /** Asks the engine the step runs in. */
    public ExcludeOpenRequestsHandler() {
        this(() -> StepContext.current().openRequests());
    }

    ExcludeOpenRequestsHandler(Supplier<OpenRequests> openRequests) {
        this.openRequests = openRequests;
    }

    @Override
    public Output handle(Input input) {
        List<PathCourse> path = input.learningPath();
        // course id -> the other open request holding it; the rest are claimed for this request
        Map<String, String> heldBy = openRequests
                .get()
                .claim(
                        input.employeeId(),
                        input.requestId(),
                        path.stream().map(PathCourse::courseId).distinct().toList());
        List<PathCourse> kept = new ArrayList<>();
        List<LinkedCourse> linked = new ArrayList<>();
        for (PathCourse course : path) {
            String holder = heldBy.get(course.courseId());
            if (holder == null) {
                kept.add(course);
            } else {
                linked.add(new LinkedCourse(course.courseId(), course.title(), holder));
            }
        }
        double cost = kept.stream().mapToDouble(PathCourse::cost).sum();
        return new Output(kept, Math.round(cost * 100) / 100.0, linked, note(linked, kept.isEmpty()));
    }

    private static String note(List<LinkedCourse> linked, boolean nothingLeft) {
        if (linked.isEmpty()) {
            return null;
        }
        String which = linked.stream()
                .collect(Collectors.groupingBy(
                        LinkedCourse::requestId,
                        LinkedHashMap::new,
                        Collectors.mapping(LinkedCourse::title, Collectors.joining(", "))))
                .entrySet()
                .stream()
                .map(e -> e.getValue() + " in " + e.getKey())
                .collect(Collectors.joining("; "));
        return (nothingLeft ? "already requested: " : "left out, already requested: ") + which;
    }
}
