package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the web inbox needs from the API, as the people of the support department live it: L&D (Zoé) runs a
 * campaign over support; Inès narrows her inbox to it and to one employee, decides on several of its requests
 * at once (each checked, decided and audited on its own), the HR fallback group's members take and give back the
 * request of Nina, who has no manager, and an employee follows and withdraws her own request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxWorkOverRestTest extends RunningTrainflow {

    private String campaign;

    @BeforeAll
    void supportCampaign() {
        Api.Response started = as("zoe.vincent").post("/api/campaigns", "{\"department\": \"support\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        campaign = (String) started.object().get("businessKey");
        for (String employee : List.of("1019", "1020", "1021")) {
            as("ines.legrand").awaitTask(campaign + "-" + employee, "approve");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInboxIsNarrowedToACampaignAnEmployeeAndWhatFallsDueByTheServer() {
        Api ines = as("ines.legrand");
        List<Map<String, Object>> ofCampaign =
                ines.get("/api/tasks?campaign=" + campaign).list();
        assertThat(ofCampaign)
                .extracting(t -> t.get("requestId"))
                .contains(campaign + "-1019", campaign + "-1020", campaign + "-1021");
        assertThat(ofCampaign).allSatisfy(t -> {
            assertThat(t.get("campaign")).isEqualTo(campaign);
            // due when the approval escalates: five days after it was offered
            assertThat(Duration.between(Instant.parse((String) t.get("created")), Instant.parse((String) t.get("due"))))
                    .isEqualTo(Duration.ofDays(5));
            assertThat((Map<String, Object>) t.get("employee")).containsEntry("department", "support");
        });

        List<Map<String, Object>> sarah =
                ines.get("/api/tasks?campaign=" + campaign + "&employee=PERRIN").list();
        assertThat(sarah).extracting(t -> t.get("requestId")).containsExactly(campaign + "-1020");
        assertThat((Map<String, Object>) sarah.get(0).get("employee")).containsEntry("displayName", "Sarah Perrin");

        assertThat(ines.get("/api/tasks?campaign=" + campaign + "&department=sales")
                        .list())
                .isEmpty();
        assertThat(ines.get("/api/tasks?campaign=" + campaign + "&taskType=follow-up-30")
                        .list())
                .isEmpty();
        assertThat(ines.get("/api/tasks?campaign=" + campaign + "&due=overdue").list())
                .isEmpty();
        assertThat(ines.get("/api/tasks?campaign=" + campaign + "&due=week").list())
                .hasSameSizeAs(ofCampaign);

        Api.Response paged = ines.get("/api/tasks?campaign=" + campaign + "&max=1");
        assertThat(paged.header("Link"))
                .hasValueSatisfying(link -> assertThat(link)
                        .contains("campaign=" + campaign)
                        .contains("max=1")
                        .contains("rel=\"next\""));
        Api.Response badDue = ines.get("/api/tasks?due=soon");
        assertThat(badDue.status()).isEqualTo(400);
        assertThat(badDue.message()).contains("due: must be 'overdue' or 'week'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDecisionOnManyRequestsIsCheckedDecidedAndAuditedPerRequest() {
        Api ines = as("ines.legrand");
        String jules = taskOf(ines, campaign + "-1019");
        String paul = taskOf(ines, campaign + "-1021");

        Api.Response typo = ines.post(
                "/api/tasks/decisions",
                "{\"taskIds\": [\"" + jules + "\"], \"variables\": {\"decision\": \"aprove\"}}");
        assertThat(typo.status()).as(typo.toString()).isEqualTo(200);
        Map<String, Object> refused = results(typo).get(0);
        assertThat(refused).containsEntry("status", 400);
        assertThat((Map<String, Object>) refused.get("fields")).containsKey("decision");

        Api.Response decided = ines.post(
                "/api/tasks/decisions",
                "{\"taskIds\": [\"" + jules + "\", \"" + paul + "\", \"no-such-task\"],"
                        + " \"variables\": {\"decision\": \"approve\", \"comment\": \"campaign priorities agreed with L&D\"}}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.object()).containsEntry("decided", 2).containsEntry("refused", 1);
        assertThat(results(decided))
                .extracting(r -> r.get("taskId"), r -> r.get("status"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(jules, 204),
                        org.assertj.core.groups.Tuple.tuple(paul, 204),
                        org.assertj.core.groups.Tuple.tuple("no-such-task", 404));

        for (String request : List.of(campaign + "-1019", campaign + "-1021")) {
            List<Map<String, Object>> trail = (List<Map<String, Object>>)
                    ines.get("/api/requests/" + request).object().get("decisions");
            assertThat(trail).anySatisfy(entry -> {
                assertThat(entry).containsEntry("actor", "ines.legrand").containsEntry("elementId", "approve");
                assertThat((String) entry.get("details"))
                        .contains("decision=approve")
                        .contains("campaign priorities agreed with L&D");
            });
        }
        assertThat(ines.get("/api/tasks?campaign=" + campaign).list())
                .extracting(t -> t.get("id"))
                .doesNotContain(jules, paul);
    }

    @Test
    void aGroupMemberTakesAnOfferedTaskAndGivesItBack() {
        String nina = campaign + "-1023";
        Map<String, Object> offered = as("maxime.muller").awaitTask(nina, "approve");
        String task = (String) offered.get("id");
        assertThat(offered.get("assignee")).isNull();
        assertThat(as("isabelle.fontaine").get("/api/tasks/" + task).status()).isEqualTo(200);

        assertThat(as("maxime.muller").post("/api/tasks/" + task + "/claim", "").status())
                .isEqualTo(204);
        assertThat(as("maxime.muller").get("/api/tasks/" + task).object()).containsEntry("assignee", "maxime.muller");
        assertThat(as("isabelle.fontaine").get("/api/tasks/" + task).status())
                .as("taken by a colleague")
                .isEqualTo(404);
        assertThat(as("isabelle.fontaine")
                        .post("/api/tasks/" + task + "/claim", "")
                        .status())
                .isEqualTo(404);
        assertThat(as("ines.legrand")
                        .post("/api/tasks/" + task + "/unclaim", "")
                        .status())
                .isEqualTo(404);

        assertThat(as("maxime.muller")
                        .post("/api/tasks/" + task + "/unclaim", "")
                        .status())
                .isEqualTo(204);
        assertThat(as("isabelle.fontaine").get("/api/tasks/" + task).object().get("assignee"))
                .isNull();

        // a task the process assigned to one person is not given away
        String sarah = taskOf(as("ines.legrand"), campaign + "-1020");
        Api.Response keep = as("ines.legrand").post("/api/tasks/" + sarah + "/unclaim", "");
        assertThat(keep.status()).as(keep.toString()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmployeeFollowsHerRequestOnItsDiagramAndWithdrawsIt() {
        Api lina = as("lina.clement");
        assertThat(lina.get("/api/me").object())
                .containsEntry("employeeId", "1022")
                .containsEntry("displayName", "Lina Clement");
        // Presenting with Impact by name: the support campaign's request for Lina may already hold her gap's course,
        // and
        // one open request per employee and course leaves that out of this one
        Api.Response started = lina.post(
                "/api/requests",
                "{\"employeeId\": \"1022\", \"justification\":"
                        + " \"handle escalations better\", \"requestedCourseIds\": [\"112\"]}");
        String request = (String) started.object().get("businessKey");
        as("pierre.francois").awaitTask(request, "approve");

        assertThat(lina.get("/api/requests/mine").list()).anySatisfy(r -> {
            assertThat(r)
                    .containsEntry("requestId", request)
                    .containsEntry("state", "active")
                    .containsEntry("justification", "handle escalations better");
            assertThat((List<Object>) r.get("waitingFor")).contains("Approve training request");
        });
        Map<String, Object> diagram =
                lina.get("/api/requests/" + request + "/diagram").object();
        assertThat(diagram).containsEntry("processKey", "training-request");
        assertThat((String) diagram.get("xml")).contains("<bpmn:callActivity id=\"manager-approval\"");
        assertThat((List<Object>) diagram.get("active")).containsExactly("manager-approval");
        assertThat((List<Object>) diagram.get("completed"))
                .contains("request-received")
                .doesNotContain("manager-approval");

        Api.Response notHers = as("pierre.francois").post("/api/requests/" + request + "/withdraw", "");
        assertThat(notHers.status()).as(notHers.toString()).isEqualTo(403);
        Api.Response withdrawn = lina.post("/api/requests/" + request + "/withdraw", "");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);

        assertThat(lina.get("/api/requests/" + request).object()).containsEntry("state", "ended");
        assertThat(lina.get("/api/requests/mine").list())
                .anySatisfy(r -> assertThat(r)
                        .containsEntry("requestId", request)
                        .containsEntry("state", "ended")
                        .containsEntry("status", "withdrawn by lina.clement"));
        assertThat(as("pierre.francois").get("/api/tasks").list())
                .extracting(t -> t.get("requestId"))
                .doesNotContain(request);
        Api.Response again = lina.post("/api/requests/" + request + "/withdraw", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.message()).contains("already ended");
    }

    private static String taskOf(Api approver, String requestId) {
        return (String) approver.awaitTask(requestId, "approve").get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Api.Response response) {
        return (List<Map<String, Object>>) response.object().get("results");
    }
}
