package io.trainflow.workflows.intake;

import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.ProcessStarter;
import io.trainflow.workflows.engine.ProcessStarter.Started;
import io.trainflow.workflows.problems.TrainflowProblem.Conflict;
import io.trainflow.workflows.problems.TrainflowProblem.Forbidden;
import io.trainflow.workflows.problems.TrainflowProblem.InvalidInput;
import io.trainflow.workflows.programme.ListDepartmentHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Intake, lifecycle step 1: an employee's own request, a manager's nomination (anyone up the
 * learner's manager chain), or a needs-analysis campaign over a department by L&D or HR.
 */
public class Intake {

    /** The longest justification kept (the contract's limit). */
    public static final int MAX_JUSTIFICATION = 4000;
    /** The most courses one request may name (the contract's limit). */
    public static final int MAX_COURSES = 20;

    private final ProcessStarter processes;
    private final HcmPort hcm;
    private final CataloguePort catalogue;
    private final Directory directory;
    private final OpenRequests openRequests;

    public Intake(
            ProcessStarter processes,
            OpenRequests openRequests,
            HcmPort hcm,
            CataloguePort catalogue,
            Directory directory) {
        this.processes = processes;
        this.openRequests = openRequests;
        this.hcm = hcm;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    public Started request(String user, String employeeId, String justification, List<String> courseIds) {
        if (employeeId == null || employeeId.isBlank()) {
            throw new InvalidInput("employeeId", "is required: the HCM id of the learner");
        }
        Employee employee = hcm.employee(employeeId)
                .orElseThrow(
                        () -> new InvalidInput("employeeId", "'" + employeeId + "' is not an employee in the HCM"));
        // who first, then what: someone who may not ask learns nothing of the catalogue from the refusal
        String origin;
        if (user.equals(employee.username())) {
            origin = "employee-request";
        } else if (isInManagerChain(user, employee)) {
            origin = "manager-nomination";
        } else {
            throw new Forbidden(user + " may request training only for themselves or their reports");
        }
        if (justification != null && justification.length() > MAX_JUSTIFICATION) {
            throw new InvalidInput("justification", "is longer than " + MAX_JUSTIFICATION + " characters");
        }
        List<String> courses = courseIds == null ? List.of() : courseIds;
        if (courses.size() > MAX_COURSES) {
            throw new InvalidInput("requestedCourseIds", "names more than " + MAX_COURSES + " courses");
        }
        for (int i = 0; i < courses.size(); i++) {
            String course = courses.get(i);
            if (course == null || course.isBlank()) {
                throw new InvalidInput(
                        "requestedCourseIds[" + i + "]", "is empty: each entry is the LMS id of a catalogue course");
            }
            if (catalogue.offering(course).isEmpty()) {
                throw new InvalidInput(
                        "requestedCourseIds[" + i + "]", "'" + course + "' is not a course of the catalogue");
            }
        }
        refuseCoursesRequestedElsewhere(employeeId, courses);
        String requestId = "REQ-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        variables.put("employeeId", employeeId);
        variables.put("requestedBy", user);
        variables.put("origin", origin);
        variables.put("justification", justification == null ? "" : justification);
        variables.put("requestedCourseIds", List.copyOf(courses));
        variables.put("programmeId", "");
        return start(user, "training-request", requestId, variables);
    }

    /**
     * One open request per employee and course: a course asked for by name that another open request of the
     * learner holds (or asked for) is refused at once, naming that request; the course's training goes on there.
     * Courses a request only gains from ranking are checked again after ranking, under the employee's lock.
     */
    private void refuseCoursesRequestedElsewhere(String employeeId, List<String> courses) {
        Map<String, String> held = openRequests.heldElsewhere(employeeId, null);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < courses.size(); i++) {
            String holder = held.get(courses.get(i));
            if (holder != null) {
                fields.putIfAbsent(
                        "requestedCourseIds[" + i + "]",
                        "course '" + courses.get(i) + "' is already requested in " + holder + ", which is still open");
            }
        }
        if (!fields.isEmpty()) {
            throw new Conflict(
                    "Already requested: " + String.join("; ", fields.values())
                            + ". Follow that request, or withdraw it before asking again.",
                    fields);
        }
    }

    public Started campaign(String user, String department) {
        requireCampaigner(user);
        if (department == null || department.isBlank()) {
            throw new InvalidInput("department", "is required: the HCM id of a department");
        }
        if (hcm.departments().stream().noneMatch(d -> department.equals(d.id()))) {
            throw new InvalidInput("department", "'" + department + "' is not a department of the HCM");
        }
        String programmeId = "PRG-" + UUID.randomUUID().toString().substring(0, 8);
        return start(
                user,
                "training-programme",
                programmeId,
                Map.of(
                        "programmeId",
                        programmeId,
                        "department",
                        department,
                        "requestedBy",
                        user,
                        "campaign",
                        "Department campaign " + department));
    }

    /** The most people one course campaign may name (a course's participants, read from the LMS). */
    public static final int MAX_PARTICIPANTS = 10_000;

    /**
     * A campaign over a course's participants (LTI: read from Moodle by L&D launching from the course): the same
     * programme as a department campaign, started with the given employees instead of a department's.
     */
    public Started courseCampaign(String user, String course, List<String> employeeIds) {
        requireCampaigner(user);
        if (course == null || course.isBlank()) {
            throw new InvalidInput("course", "is required: the course whose participants the campaign is for");
        }
        if (employeeIds == null || employeeIds.isEmpty()) {
            throw new InvalidInput(
                    "employeeIds", "is empty: none of the course's participants is an employee in the HCM");
        }
        if (employeeIds.size() > MAX_PARTICIPANTS) {
            throw new InvalidInput("employeeIds", "names more than " + MAX_PARTICIPANTS + " people");
        }
        for (int i = 0; i < employeeIds.size(); i++) {
            String id = employeeIds.get(i);
            if (id == null || hcm.employee(id).isEmpty()) {
                throw new InvalidInput("employeeIds[" + i + "]", "'" + id + "' is not an employee in the HCM");
            }
        }
        List<String> ids = employeeIds.stream().distinct().toList();
        String programmeId = "PRG-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> variables = new HashMap<>();
        variables.put("programmeId", programmeId);
        variables.put("department", "");
        variables.put("course", course.strip());
        variables.put("campaign", "Course campaign " + course.strip());
        variables.put("requestedBy", user);
        variables.put("employeeIds", ids);
        variables.put("employeeBatches", ListDepartmentHandler.batches(ids, ListDepartmentHandler.DEFAULT_BATCH));
        return start(user, "training-programme", programmeId, variables);
    }

    /** Who may start campaigns: L&D (ld-team) and HR (hr-fallback). */
    public boolean mayStartCampaigns(String user) {
        return directory.groupsOf(user).contains("ld-team")
                || directory.groupsOf(user).contains("hr-fallback");
    }

    /** Campaigns are L&D's (or HR's when L&D is away): one rule for every kind of campaign. */
    private void requireCampaigner(String user) {
        if (!mayStartCampaigns(user)) {
            throw new Forbidden(user + " is not in L&D (ld-team) or HR (hr-fallback) and cannot start a campaign");
        }
    }

    /** L&D or a subject-matter expert has a quiz drafted for a course; the draft goes to the sme group for review. */
    public Started quiz(String user, String courseId, Integer maxQuestions) {
        if (!mayWorkOnQuizzes(user)) {
            throw new Forbidden(user + " is not in L&D (ld-team) or a subject-matter expert (sme)"
                    + " and cannot start a quiz review");
        }
        if (courseId == null || courseId.isBlank()) {
            throw new InvalidInput("courseId", "is required: the LMS id of a catalogue course");
        }
        if (maxQuestions != null && (maxQuestions < 1 || maxQuestions > 30)) {
            throw new InvalidInput("maxQuestions", "must be 1..30, not " + maxQuestions);
        }
        if (catalogue.offering(courseId.strip()).isEmpty()) {
            throw new InvalidInput("courseId", "'" + courseId.strip() + "' is not a course of the catalogue");
        }
        String quizId =
                "QUIZ-" + courseId.strip() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", quizId); // the inbox and the audit trail find the review by it
        variables.put("courseId", courseId.strip());
        variables.put("requestedBy", user);
        if (maxQuestions != null) {
            variables.put("maxQuestions", maxQuestions);
        }
        return start(user, "quiz-review", quizId, variables);
    }

    /** Who may start quiz reviews and read their exports. */
    public boolean mayWorkOnQuizzes(String user) {
        return directory.groupsOf(user).contains("ld-team")
                || directory.groupsOf(user).contains("sme");
    }

    private boolean isInManagerChain(String user, Employee employee) {
        String managerId = employee.managerId();
        for (int depth = 0; managerId != null && depth < 20; depth++) {
            Employee manager = hcm.employee(managerId).orElse(null);
            if (manager == null) {
                return false;
            }
            if (user.equals(manager.username())) {
                return true;
            }
            managerId = manager.managerId();
        }
        return false;
    }

    private Started start(String user, String processKey, String businessKey, Map<String, Object> variables) {
        return processes.start(user, processKey, businessKey, variables);
    }
}
