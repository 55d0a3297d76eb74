package io.trainflow.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The CLI face of the REST API, for newcomers walking the lifecycle from a terminal. Plain HTTP, no Spring: the
 * thin CLI jar runs these in well under a second.
 */
public final class ApiCommands {

    private ApiCommands() {}

    @Command(name = "tasks", description = "Your inbox, oldest first")
    public static class Tasks implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Option(names = "--first", defaultValue = "0", description = "position to start at (a page's Link: next)")
        int first;

        @Option(names = "--max", defaultValue = "100", description = "tasks per page, at most 500")
        int max;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/api/tasks?first=" + first + "&max=" + max, null);
        }
    }

    @Command(
            name = "complete",
            description = "Complete a task, e.g. complete 42 decision=approve comment=\"fits the role\"")
    public static class Complete implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0")
        String taskId;

        @Parameters(index = "1..*", arity = "0..*", description = "name=value (value read as JSON when it parses)")
        List<String> values = List.of();

        @Override
        public Integer call() throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (String pair : values) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    System.err.println("Expected name=value, got: " + pair);
                    return 2;
                }
                variables.put(pair.substring(0, eq), parse(pair.substring(eq + 1)));
            }
            return api.call("POST", "/api/tasks/" + taskId + "/complete", Map.of("variables", variables));
        }

        private static Object parse(String value) {
            try {
                return Json.MAPPER.readValue(value, Object.class);
            } catch (RuntimeException notJson) {
                return value;
            }
        }
    }

    @Command(name = "request", description = "Ask for training for yourself, or nominate one of your reports")
    public static class Request implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0", description = "employee id")
        String employeeId;

        @Option(names = "--why", defaultValue = "")
        String justification;

        @Option(names = "--course")
        List<String> courses = List.of();

        @Override
        public Integer call() throws Exception {
            return api.call(
                    "POST",
                    "/api/requests",
                    Map.of("employeeId", employeeId, "justification", justification, "requestedCourseIds", courses));
        }
    }

    @Command(name = "campaign", description = "Start a needs-analysis campaign over a department (L&D/HR)")
    public static class Campaign implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0")
        String department;

        @Override
        public Integer call() throws Exception {
            return api.call("POST", "/api/campaigns", Map.of("department", department));
        }
    }

    @Command(name = "quiz", description = "Have the AI draft a quiz for a course, for SME review (L&D or sme)")
    public static class Quiz implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0", description = "LMS course id")
        String courseId;

        @Option(names = "--questions", description = "at most this many questions (default 5)")
        Integer maxQuestions;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("courseId", courseId);
            if (maxQuestions != null) {
                body.put("maxQuestions", maxQuestions);
            }
            return api.call("POST", "/api/quizzes", body);
        }
    }

    @Command(name = "quiz-files", description = "A quiz review's state and its exported GIFT and Moodle XML files")
    public static class QuizFiles implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0", description = "quiz id (QUIZ-...)")
        String quizId;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/api/quizzes/" + quizId, null);
        }
    }

    @Command(name = "status", description = "Where a request stands and who decided what")
    public static class Status implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0")
        String requestId;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/api/requests/" + requestId, null);
        }
    }

    @Command(name = "advance", description = "Sample organisation: a learner completes their next course")
    public static class Advance implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0")
        String username;

        @Override
        public Integer call() throws Exception {
            return api.call("POST", "/api/sample/learners/" + username + "/progress", null);
        }
    }

    @Command(
            name = "time-travel",
            description = "Sample organisation: move Trainflow's clock forward by N days (admins)")
    public static class TimeTravel implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0", description = "days")
        int days;

        @Override
        public Integer call() throws Exception {
            return api.call("POST", "/api/sample/clock", Map.of("days", days));
        }
    }

    @Command(name = "incidents", description = "Steps that ran out of attempts (admins)")
    public static class IncidentList implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/api/incidents", null);
        }
    }

    @Command(name = "retry", description = "Run a parked step again (admins)")
    public static class IncidentRetry implements Callable<Integer> {
        @Mixin
        ApiClient api;

        @Parameters(index = "0")
        String incidentId;

        @Override
        public Integer call() throws Exception {
            return api.call("POST", "/api/incidents/" + incidentId + "/retry", Map.of("retries", 1));
        }
    }
}
