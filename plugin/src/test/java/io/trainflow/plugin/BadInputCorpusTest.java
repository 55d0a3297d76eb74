package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus ({@code bad-input/corpus.json}, over every POST, PUT and DELETE of the API): each case is
 * a 4xx problem naming the field, never an internal class nor the rejected value's class, and nothing is stored
 * or started: no process, no delegation, the open task still open with its variables, the clock and the
 * supervisors as they were; and none of the rejected values is in the log. {@code ${repeat:x:N}} is N times x;
 * {@code {task}} and {@code {approver}} stand for an open approval and its approver.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusTest extends RunningTrainflow {

    record Case(String name, String as, String method, String path, String body, int status, String field) {}

    @Autowired
    TrainflowEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    SampleOrganisation org;

    @Test
    void everyBadInputIsRefusedNamingTheFieldAndNothingHappens(CapturedOutput log) throws Exception {
        List<Case> corpus;
        try (InputStream in = getClass().getResourceAsStream("/bad-input/corpus.json")) {
            corpus = JsonMapper.builder().build().readValue(in, new TypeReference<List<Case>>() {});
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        assertThat(corpus.stream()
                        .map(c -> c.method() + " "
                                + c.path()
                                        .replaceAll(
                                                "/api/(tasks|incidents|sample/learners|sample/employees)/[^/]+/",
                                                "/api/$1/{id}/")))
                .as("every write endpoint")
                .contains(
                        "POST /api/requests",
                        "POST /api/campaigns",
                        "POST /api/quizzes",
                        "POST /api/delegations",
                        "POST /api/tasks/{id}/complete",
                        "POST /api/incidents/{id}/retry",
                        "POST /api/sample/learners/{id}/progress",
                        "PUT /api/sample/employees/{id}/supervisor",
                        "POST /api/sample/clock",
                        "DELETE /api/delegations");

        Task approval = openApproval();
        Map<String, Object> taskVariables = engine.flowable().getTaskService().getVariables(approval.getId());
        Set<String> users = Set.of(
                "lina.clement", "maxime.muller", "nicolas.faure", "sarah.perrin", approval.getAssignee(), "adam.david");
        long started = startedBy(users);
        long delegations = count("SELECT COUNT(*) FROM tf_delegation WHERE approver = 'sarah.perrin'");
        String supervisorOf1021 = org.hcm().employee("1021").orElseThrow().managerId();
        String supervisorOf1001 = org.hcm().employee("1001").orElseThrow().managerId();
        var clock = engine.clock().instant();

        SoftAssertions softly = new SoftAssertions();
        for (Case c : corpus) {
            String user = c.as().replace("{approver}", approval.getAssignee());
            Api.Response response =
                    as(user).call(c.method(), expand(c.path()).replace("{task}", approval.getId()), expand(c.body()));
            softly.assertThat(response.status()).as(c.name() + ": " + response).isEqualTo(c.status());
            if (response.status() >= 400 && response.status() < 500) {
                Map<String, Object> problem = response.object();
                softly.assertThat(AuthorisationFindingsTest.fields(response))
                        .as(c.name() + ": fields of " + response)
                        .containsKey(c.field());
                softly.assertThat(response.body())
                        .as(c.name() + ": internals in " + response)
                        .doesNotContain("io.trainflow", "Exception", "java.", "tools.jackson");
                softly.assertThat(problem)
                        .as(c.name())
                        .containsEntry("status", response.status())
                        .containsKey("title");
            }
        }
        softly.assertAll();

        assertThat(startedBy(users)).as("processes started by the corpus").isEqualTo(started);
        assertThat(count("SELECT COUNT(*) FROM tf_delegation WHERE approver = 'sarah.perrin'"))
                .isEqualTo(delegations);
        assertThat(engine.flowable()
                        .getTaskService()
                        .createTaskQuery()
                        .taskId(approval.getId())
                        .singleResult())
                .isNotNull();
        assertThat(engine.flowable().getTaskService().getVariables(approval.getId()))
                .isEqualTo(taskVariables);
        assertThat(org.hcm().employee("1021").orElseThrow().managerId()).isEqualTo(supervisorOf1021);
        assertThat(org.hcm().employee("1001").orElseThrow().managerId()).isEqualTo(supervisorOf1001);
        assertThat(engine.clock().instant()).isBetween(clock, clock.plusSeconds(3600));
        // finding 13: no rejected input in the log
        assertThat(log.getAll())
                .doesNotContain("forged log line", "1022' OR", "no.body", "424242", "../../x", "aprove");
    }

    /** {@code ${repeat:x:N}} stands for N times x: long values stay readable in the corpus file. */
    static String expand(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher repeat =
                java.util.regex.Pattern.compile("\\$\\{repeat:(.):(\\d+)}").matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(
                    expanded,
                    java.util.regex.Matcher.quoteReplacement(
                            repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
        }
        return repeat.appendTail(expanded).toString();
    }

    /**
     * An open manager approval of a request by lina.clement, assigned to her manager, waited for. It names a course
     * no other test's request of hers holds (Coaching Conversations), so one open request per employee and course keeps it.
     */
    private Task openApproval() throws InterruptedException {
        Api.Response started = as("lina.clement")
                .post("/api/requests", "{\"employeeId\": \"1022\", \"requestedCourseIds\": [\"119\"]}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String requestId = (String) started.object().get("businessKey");
        for (int i = 0; i < 200; i++) {
            Task task = engine.flowable()
                    .getTaskService()
                    .createTaskQuery()
                    .taskDefinitionKey("approve")
                    .processVariableValueEquals("requestId", requestId)
                    .singleResult();
            if (task != null) {
                assertThat(task.getAssignee()).as("the approval's approver").isNotNull();
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No approval of " + requestId + " within 20 s");
    }

    private long startedBy(Set<String> users) {
        long total = 0;
        for (String user : users) {
            total += engine.flowable()
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .startedBy(user)
                    .count();
        }
        return total;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
