package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web inbox in a real headless Chromium, as its people use it. Antoine asks for training himself and follows
 * his request. L&D then runs a campaign over sales (which leaves Antoine out: his own request holds his courses);
 * Nicolas, who manages him and three more of its people, signs in, narrows his inbox to the campaign, opens a request
 * and sees where it stands on the process diagram, is refused by the server for a decision the form does not offer
 * (shown at the field), approves one through the process owner's form and names a deputy: his open approvals move to
 * her, she approves the campaign's at once with one comment, and decides Antoine's in his place. Every page passes
 * axe-core's WCAG 2.1 AA rules.
 */
class InboxInBrowserTest extends RunningTrainflow {

    private static final String MANAGER = "nicolas.faure";
    private static final String DEPUTY = "julie.lambert";
    /** The form's "Approve" choice, found as a person finds it: by its label. */
    private static final String APPROVE =
            "//div[contains(@class,'fjs-inline-label')][.//label[normalize-space()='Approve']]//input";

    @Test
    @SuppressWarnings("unchecked")
    void approversDecideAndEmployeesFollowInTheBrowser() {
        try (Chromium browser = new Chromium(port)) {
            browser.open("/login");
            browser.waitFor("#username");
            browser.assertAccessible("/login");

            // an employee asks for training and follows it
            browser.signIn("antoine.guerin", PASSWORD);
            browser.open("/requests");
            browser.field("#justification").sendKeys("Negotiate renewals with our largest accounts");
            browser.assertAccessible("/requests");
            browser.screenshot("requests");
            browser.click("#start-request button[type=submit]");
            browser.waiting().until(d -> d.getCurrentUrl().matches(".*/requests/REQ-[^?]+\\?started"));
            String request = browser.url().replaceAll(".*/requests/(REQ-[^?]+).*", "$1");
            browser.waitForText("#status", "Request " + request + " sent.");
            browser.waitForText("#diagram-text", "Current step: ");
            browser.assertAccessible("/requests/{id}");
            browser.signOut();
            as(MANAGER).awaitTask(request, "approve");

            // then L&D's campaign over sales: Antoine's courses are held by his own request, so it leaves him out
            Api.Response started = as("zoe.vincent").post("/api/campaigns", "{\"department\": \"sales\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            String campaign = (String) started.object().get("businessKey");
            List<String> requests = List.of(campaign + "-1012", campaign + "-1014");
            requests.forEach(r -> as(MANAGER).awaitTask(r, "approve"));
            int campaignTasks =
                    as(MANAGER).get("/api/tasks?campaign=" + campaign).list().size();

            browser.signIn(MANAGER, PASSWORD);
            browser.waitFor("#tasks li");
            browser.assertAccessible("/inbox");
            browser.screenshot("inbox");

            // the campaign's approvals, narrowed by the server
            WebElement campaignField = browser.field("#campaign");
            campaignField.clear();
            campaignField.sendKeys(campaign);
            browser.click("form[role=search] button[type=submit]");
            browser.waitForText("#count", campaignTasks + " tasks shown");
            assertThat(browser.url()).contains("campaign=" + campaign);
            assertThat(browser.all("#tasks li"))
                    .hasSize(campaignTasks)
                    .allSatisfy(li -> assertThat(li.getText()).contains("Campaign " + campaign));

            // one request: what to decide on, and where it stands
            WebElement first = browser.all("#tasks li").stream()
                    .filter(li -> li.getText().contains(requests.get(0)))
                    .findFirst()
                    .orElseThrow();
            first.findElement(By.cssSelector("a.title")).click();
            browser.waitFor("#diagram .djs-element.tf-active[data-element-id=\"manager-approval\"]");
            browser.waitForText("#diagram-text", "Current step: Manager approval");
            assertThat(browser.all("#diagram .djs-element.tf-done[data-element-id=\"request-received\"]"))
                    .isNotEmpty();
            assertThat(browser.text("main"))
                    .contains("Camille Blanc")
                    .contains("Proposed learning path")
                    .contains("Why:")
                    .contains("AI draft")
                    .contains("Budget left")
                    .contains("Approval rule");
            browser.waitFor("#task-form .fjs-form");
            browser.assertAccessible("/tasks/{id}");
            browser.screenshot("task");

            // a value the server refuses is shown at its field
            browser.script("window.trainflowTask.send({decision: 'aprove'})");
            browser.waitForText(".fjs-form-field-error", "must be one of approve, changes, reject");
            browser.waitForText("#status", "The server refused this");

            // approve through the process owner's form (form-js)
            browser.waiting().until(d -> d.findElement(By.xpath(APPROVE))).click();
            browser.field("#task-form textarea").sendKeys("Fits the sales engineering plan");
            browser.click("#submit");
            browser.waitForText("#status", "Done: the task is completed.");
            Map<String, Object> camille =
                    as("zoe.vincent").get("/api/requests/" + requests.get(0)).object();
            assertThat((List<Map<String, Object>>) camille.get("decisions")).anySatisfy(d -> {
                assertThat(d).containsEntry("actor", MANAGER).containsEntry("elementId", "approve");
                assertThat((String) d.get("details"))
                        .contains("decision=approve")
                        .contains("Fits the sales engineering plan");
            });

            // a deputy for the coming week
            browser.open("/inbox?campaign=" + campaign);
            browser.waitForText("#count", (campaignTasks - 1) + " tasks shown");
            browser.all("#tasks li a.title").get(0).click();
            browser.field("#delegate-deputy").sendKeys(DEPUTY);
            browser.click("#delegate button[type=submit]");
            browser.waitForText("#status", DEPUTY + " decides in your place until");
            browser.waitForText("#status", "open approval(s) moved to them");
            browser.waitForText("#my-delegations", DEPUTY);
            // the open approvals went to the deputy at once
            assertThat(as(MANAGER).get("/api/tasks?campaign=" + campaign).list())
                    .isEmpty();
            int deputyTasks =
                    as(DEPUTY).get("/api/tasks?campaign=" + campaign).list().size();
            assertThat(deputyTasks).isGreaterThanOrEqualTo(campaignTasks - 1);
            browser.signOut();

            // the deputy decides the rest of the campaign at once, one comment, each decided on its own
            browser.signIn(DEPUTY, PASSWORD);
            browser.open("/inbox?campaign=" + campaign);
            browser.waitForText("#count", deputyTasks + " tasks shown");
            browser.click("#select-all");
            browser.waitForText("#bulk-count", deputyTasks + " selected");
            browser.field("#bulk-comment").sendKeys("Approved for the sales campaign");
            browser.assertAccessible("/inbox with a selection");
            browser.click("#bulk-apply");
            browser.waitForText("#status", deputyTasks + " decided, 0 refused.");
            assertThat(as(DEPUTY).get("/api/tasks?campaign=" + campaign).list()).isEmpty();
            for (String other : requests.subList(1, requests.size())) {
                assertThat((List<Map<String, Object>>) as("zoe.vincent")
                                .get("/api/requests/" + other)
                                .object()
                                .get("decisions"))
                        .anySatisfy(
                                d -> assertThat((String) d.get("details")).contains("Approved for the sales campaign"));
            }

            browser.signOut();

            // the lifecycle moves on past the manager's approval
            browser.signIn(MANAGER, PASSWORD);
            browser.reopenUntil(
                    "/requests/" + requests.get(0),
                    "#diagram .djs-element.tf-done[data-element-id=\"manager-approval\"]",
                    Duration.ofSeconds(90));
            assertThat(browser.all("#diagram .djs-element.tf-active[data-element-id=\"manager-approval\"]"))
                    .isEmpty();
            browser.signOut();

            // Antoine's own request went to the deputy with the rest; she decides it in the manager's place
            Map<String, Object> deputyTask = as(DEPUTY).awaitTask(request, "approve");
            assertThat((Map<String, Object>) deputyTask.get("context")).containsEntry("approverOnBehalfOf", MANAGER);
            Api.Response approved = as(DEPUTY)
                    .post(
                            "/api/tasks/" + deputyTask.get("id") + "/complete",
                            "{\"variables\": {\"decision\": \"approve\", \"comment\": \"approved while Nicolas is away\"}}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(204);

            // and Antoine sees who decided, and why
            browser.signIn("antoine.guerin", PASSWORD);
            browser.reopenUntil("/requests/" + request, "#timeline", Duration.ofSeconds(90));
            assertThat(browser.text("#timeline")).contains(DEPUTY).contains("approved while Nicolas is away");
            browser.screenshot("request");
        }
    }
}
