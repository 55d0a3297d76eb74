package io.trainflow.tests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays the README's walkthrough over HTTP as the people of the sample organisation: Alice's request and a
 * campaign over the sales department, every approval, the learners' progress, time travel for the 30/60/90-day
 * follow-ups and the programme report's sign-off. Each tick looks at what is open and does what is due, so it
 * carries on wherever a kill left things. Only what the API acknowledged (201, 204, 200) is remembered.
 */
final class Lifecycle {

    /** Sales department of the sample organisation: one campaign request each. */
    static final List<String> SALES = List.of("1010", "1011", "1012", "1013", "1014", "1015", "1016");

    private static final List<String> DECIDERS =
            List.of("sophie.laurent", "nicolas.faure", "thomas.rousseau", "julie.lambert");

    /** A decision the API acknowledged with 204. */
    record Acked(String requestId, String elementId, String actor) {}

    private final AppProcess app;
    private final Api api;
    private final KillPlan plan;
    private final Learners learners;
    final List<Acked> acked = new ArrayList<>();
    String request;
    String programme;
    int kills;
    /** Restarts after which the job locks were read and none was the killed run's. */
    int lockChecks;

    private int travels;
    private long lastAction = System.nanoTime();

    Lifecycle(AppProcess app, KillPlan plan, Learners learners) {
        this.app = app;
        this.api = new Api(app.baseUrl());
        this.plan = plan;
        this.learners = learners;
    }

    /** Drives the lifecycle to its end, restarting Trainflow after each kill. */
    void run(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!app.alive()) {
                app.awaitDeath();
                if (!app.killed()) {
                    throw new IllegalStateException("Trainflow died without being killed:\n" + app.tail());
                }
                kills++;
                app.start();
                checkLocksAfterRestart();
                arm();
            }
            try {
                if (tick()) {
                    app.disarm();
                    return;
                }
            } catch (Api.Down down) {
                Thread.sleep(100); // killed (or busy): the loop restarts it
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The lifecycle did not end within " + limit + ": " + where() + "\n" + app.tail());
            }
        }
    }

    /**
     * Right after a restart, read through the admin endpoint (the running app holds the H2 file): no job may
     * still carry a lock of the killed run, since the start releases them at once rather than when they expire.
     */
    private void checkLocksAfterRestart() {
        Api.Answer locks = api.get("adam.david", "/api/admin/job-locks");
        if (locks.status() != 200) {
            throw new IllegalStateException(
                    "GET /api/admin/job-locks answered " + locks.status() + ": " + locks.body());
        }
        for (com.fasterxml.jackson.databind.JsonNode lock : locks.body().path("locks")) {
            if (lock.path("fromBeforeStart").asBoolean()) {
                throw new AssertionError(
                        "After restart " + kills + " a job is still locked by the killed run: " + lock);
            }
        }
        lockChecks++;
    }

    private void arm() {
        if (request != null) {
            app.killWhen(plan.trigger());
        }
    }

    /** One look at everything; true when every request and the programme have ended. */
    private boolean tick() throws InterruptedException {
        if (request == null) {
            request = created(api.post(
                    "alice.martin",
                    "/api/requests",
                    Map.of("employeeId", "1004", "justification", "Automate our weekly reports")));
            // armed once Alice's request is acknowledged: killed before its 201, the harness would not know
            // it, and asking again is a second request
            arm();
        }
        if (programme == null) {
            programme = created(api.post("zoe.vincent", "/api/campaigns", Map.of("department", "sales")));
            ack(KillPoint.Ack.CAMPAIGN_STARTED, programme);
        }
        boolean acted = false;
        boolean open = false;
        for (String user : DECIDERS) {
            for (JsonNode task : api.get(user, "/api/tasks?max=500").body()) {
                open = true;
                Map<String, Object> decision = decide(user, task);
                String requestId = task.path("requestId").isTextual()
                        ? task.get("requestId").asText()
                        : programme;
                Api.Answer done = api.post(
                        user, "/api/tasks/" + task.get("id").asText() + "/complete", Map.of("variables", decision));
                if (done.status() == 204) {
                    acked.add(new Acked(requestId, task.get("elementId").asText(), user));
                    acted = true;
                    ack(
                            task.get("elementId").asText().startsWith("follow-up")
                                    ? KillPoint.Ack.FOLLOW_UP
                                    : KillPoint.Ack.APPROVAL,
                            requestId);
                } else if (done.status() != 404) { // 404: completed by a call whose answer the kill swallowed
                    throw new IllegalStateException("completing " + task + " as " + user + ": " + done);
                }
            }
        }
        boolean learnersDone = true;
        for (String[] learner : new String[][] {{"alice.martin", request}, {"manon.boyer", programme + "-1014"}}) {
            JsonNode status = status(learner[1]);
            if (status == null
                    || !"active".equals(status.path("state").asText())
                    || "completed"
                            .equals(status.path("variables")
                                    .path("trainingStatus")
                                    .asText())) {
                continue;
            }
            learnersDone = false;
            String username = learner[0];
            acted |= learners.progress(api, username, () -> ack(KillPoint.Ack.COMPLETION_SYNCED, username));
        }
        if (allEnded()) {
            return true;
        }
        if (acted) {
            lastAction = System.nanoTime();
        } else if (!open
                && learnersDone
                && travels < 5
                && System.nanoTime() - lastAction > Duration.ofSeconds(3).toNanos()) {
            Api.Answer moved = api.post("adam.david", "/api/sample/clock", Map.of("days", 31));
            if (moved.status() != 200) {
                throw new IllegalStateException("time travel: " + moved);
            }
            travels++;
            learners.clockAt(
                    java.time.OffsetDateTime.parse(moved.body().path("now").asText())
                            .toInstant());
            lastAction = System.nanoTime();
            ack(KillPoint.Ack.TIME_TRAVEL, moved.body().toString());
        } else {
            Thread.sleep(300);
        }
        return false;
    }

    /** Who decides what: Alice's and Manon's paths are approved, the rest of sales is turned down. */
    private Map<String, Object> decide(String user, JsonNode task) {
        String element = task.get("elementId").asText();
        String requestId = task.path("requestId").asText("");
        if (element.equals("approve")) {
            boolean yes = requestId.equals(request)
                    || requestId.endsWith("-1014")
                    || (requestId.endsWith("-1016") && !user.equals("julie.lambert"));
            return yes
                    ? Map.of("decision", "approve", "comment", "fits the role")
                    : Map.of("decision", "reject", "comment", "Next year");
        }
        if (element.startsWith("follow-up")) {
            return Map.of("behaviourScore", 4, "observation", "applies it");
        }
        if (element.equals("sign-off-report")) {
            return Map.of("signedOff", true, "retrospective", "One completion; budget kept the rest for next year.");
        }
        throw new IllegalStateException("the walkthrough has no answer for task " + element + " of " + requestId);
    }

    private boolean allEnded() {
        List<String> all = new ArrayList<>(List.of(request, programme));
        SALES.forEach(id -> all.add(programme + "-" + id));
        for (String id : all) {
            JsonNode status = status(id);
            if (status == null || !"ended".equals(status.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    JsonNode status(String requestId) {
        // L&D may read every request; an admin of Trainflow is not for that reason allowed to (issue 12's access rule)
        Api.Answer answer = api.get("zoe.vincent", "/api/requests/" + requestId);
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("status of " + requestId + ": " + answer);
        }
        return answer.body();
    }

    private void ack(KillPoint.Ack ack, String what) {
        if (plan.onAck(ack, what)) {
            app.kill();
        }
    }

    private static String created(Api.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("expected 201, got " + answer);
        }
        return answer.body().get("businessKey").asText();
    }

    private String where() {
        return "request " + request + ", programme " + programme + ", kills " + kills + ", travels " + travels
                + ", acked " + acked.size();
    }
}
