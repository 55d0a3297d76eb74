package io.trainflow.workflows.intake;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * Intake, lifecycle step 1: an employee's own request, a manager's nomination (anyone up the
 * learner's manager chain), or a needs-analysis campaign over a department by L&D or HR.
 */
public class Intake {

    private final ProcessEngine engine;
    private final HcmPort hcm;
    private final Directory directory;

    public Intake(TrainflowEngine engine, HcmPort hcm, Directory directory) {
        this.engine = engine.flowable();
        this.hcm = hcm;
        this.directory = directory;
    }

    public ProcessInstance request(String user, String employeeId, String justification, List<String> courseIds) {
        if (employeeId == null || employeeId.isBlank()) {
            throw new FlowableIllegalArgumentException("employeeId is required: the HCM id of the learner");
        }
        Employee employee = hcm.employee(employeeId).orElseThrow(() ->
                new FlowableIllegalArgumentException("employeeId '" + employeeId + "' is not an employee in the HCM"));
        String origin;
        if (user.equals(employee.username())) {
            origin = "employee-request";
        } else if (isInManagerChain(user, employee)) {
            origin = "manager-nomination";
        } else {
            throw new FlowableForbiddenException(user + " may request training only for themselves or their reports");
        }
        String requestId = "REQ-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        variables.put("employeeId", employeeId);
        variables.put("requestedBy", user);
        variables.put("origin", origin);
        variables.put("justification", justification == null ? "" : justification);
        variables.put("requestedCourseIds", courseIds == null ? List.of() : List.copyOf(courseIds));
        variables.put("programmeId", "");
        return start(user, "training-request", requestId, variables);
    }

    public ProcessInstance campaign(String user, String department) {
        if (!directory.groupsOf(user).contains("ld-team") && !directory.groupsOf(user).contains("hr-fallback")) {
            throw new FlowableForbiddenException(user + " is not in L&D (ld-team) or HR (hr-fallback) and cannot start a campaign");
        }
        if (department == null || department.isBlank()) {
            throw new FlowableIllegalArgumentException("department is required");
        }
        String programmeId = "PRG-" + UUID.randomUUID().toString().substring(0, 8);
        return start(user, "training-programme", programmeId,
                Map.of("programmeId", programmeId, "department", department, "requestedBy", user));
    }

    /** L&D or a subject-matter expert has a quiz drafted for a course; the draft goes to the sme group for review. */
    public ProcessInstance quiz(String user, String courseId, Integer maxQuestions) {
        if (!mayWorkOnQuizzes(user)) {
            throw new FlowableForbiddenException(user + " is not in L&D (ld-team) or a subject-matter expert (sme)"
                    + " and cannot start a quiz review");
        }
        if (courseId == null || courseId.isBlank()) {
            throw new FlowableIllegalArgumentException("courseId is required: the LMS id of a catalogue course");
        }
        if (maxQuestions != null && (maxQuestions < 1 || maxQuestions > 30)) {
            throw new FlowableIllegalArgumentException("maxQuestions must be 1..30, not " + maxQuestions);
        }
        String quizId = "QUIZ-" + courseId.strip() + "-" + UUID.randomUUID().toString().substring(0, 8);
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
        return directory.groupsOf(user).contains("ld-team") || directory.groupsOf(user).contains("sme");
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

    private ProcessInstance start(String user, String processKey, String businessKey, Map<String, Object> variables) {
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(processKey, businessKey, variables);
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }
}
