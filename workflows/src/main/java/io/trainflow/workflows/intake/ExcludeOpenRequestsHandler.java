package io.trainflow.workflows.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.api.OpenRequests.OpenRequest;
import io.trainflow.workflows.api.StepContext;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One open request per employee and course (issue 10): a campaign's request leaves out a course another running
 * request of the same employee already holds (their own, a manager's nomination, another campaign's) and names
 * that request instead; with nothing left, it ends as already requested and the programme report lists the
 * employee. A request a person made themselves is never turned away here: they asked for it by name.
 */
@TaskType(value = "exclude-open-requests", name = "Exclude courses already requested",
        description = "For a campaign's request: drops from the learning path every course another open request of the"
                + " same employee holds, and names that request (linkedRequests, linkNote). An empty path means"
                + " everything is already requested: the process ends the request saying so. A request a person made"
                + " (programmeId empty) keeps its path.")
public final class ExcludeOpenRequestsHandler
        implements StepHandler<ExcludeOpenRequestsHandler.Input, ExcludeOpenRequestsHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "This request's id", feel = "=requestId") String requestId,
            @Doc(value = "HCM id of the learner", feel = "=employeeId") String employeeId,
            @Doc(value = "The ranked learning path", feel = "=learningPath") List<PathCourse> learningPath,
            @Doc(value = "The campaign's programme id; empty for a request a person made", optional = true,
                    feel = "=programmeId") String programmeId) {
    }

    /** A course left out because another open request holds it. */
    public record LinkedCourse(@Doc("LMS course id") String courseId, @Doc("Course title") String title,
                               @Doc("The open request that holds it") String requestId) {
    }

    public record Output(
            @Doc("The learning path without courses another open request holds") List<PathCourse> learningPath,
            @Doc("Total cost of the remaining path (EUR)") double pathCost,
            @Doc("Courses left out, each with the request that holds it") List<LinkedCourse> linkedRequests,
            @Doc(value = "The same in words for people (status, the programme report); null when nothing was left out",
                    optional = true) String linkNote) {
    }

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
        List<PathCourse> path = input.learningPath() == null ? List.of() : input.learningPath();
        // course id -> the oldest other open request holding it
        Map<String, String> heldBy = new LinkedHashMap<>();
        boolean campaign = input.programmeId() != null && !input.programmeId().isBlank();
        for (OpenRequest other : campaign ? openRequests.get().ofEmployee(input.employeeId()) : List.<OpenRequest>of()) {
            if (!other.requestId().equals(input.requestId())) {
                other.courseIds().forEach(course -> heldBy.putIfAbsent(course, other.requestId()));
            }
        }
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
        String which = linked.stream().collect(Collectors.groupingBy(LinkedCourse::requestId, LinkedHashMap::new,
                        Collectors.mapping(LinkedCourse::title, Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getValue() + " in " + e.getKey()).collect(Collectors.joining("; "));
        return (nothingLeft ? "already requested: " : "left out, already requested: ") + which;
    }
}
