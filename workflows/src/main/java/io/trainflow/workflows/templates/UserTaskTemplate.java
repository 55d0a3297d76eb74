package io.trainflow.workflows.templates;

import java.util.List;
import java.util.Map;

/**
 * A user task a process owner can drop from the Modeler palette: who it goes to, what the
 * person completes it with (its fields, the keys of the linked form {@code bpmn/<formId>.form}),
 * and its task headers (e.g. {@code approval = true}).
 */
public record UserTaskTemplate(
        String id,
        String name,
        String description,
        String assignee,
        String candidateGroups,
        Map<String, String> headers,
        List<Field> fields,
        String formId) {

    /** A value the person enters when completing the task. */
    public record Field(String name, String description) {}

    /** The user tasks of Trainflow's processes (see docs/TASK-TYPES.md). */
    public static List<UserTaskTemplate> all() {
        return List.of(
                new UserTaskTemplate(
                        "approval",
                        "Approval",
                        "An approver decides on a training request. "
                                + "The requester can never complete it; reminders and escalation are boundary timers.",
                        "=approver",
                        "=approverGroups",
                        Map.of("approval", "true"),
                        List.of(new Field("decision", "approve, reject or changes"), new Field("comment", "why")),
                        "approval"),
                new UserTaskTemplate(
                        "revise-request",
                        "Revise request",
                        "The requester changes or withdraws a request sent back for changes.",
                        "=requestedBy",
                        null,
                        Map.of(),
                        List.of(
                                new Field("justification", "new justification"),
                                new Field("requestedCourseIds", "courses asked for"),
                                new Field("withdraw", "true to withdraw the request")),
                        "revise-request"),
                new UserTaskTemplate(
                        "missed-deadline",
                        "Handle missed deadline",
                        "The manager (as the HCM says now: put an hcm-current-manager step before it) extends the training or closes it as not completed.",
                        "=currentManager",
                        "ld-team",
                        Map.of(),
                        List.of(
                                new Field("deadlineAction", "extend or close"),
                                new Field("extensionDays", "days to extend by")),
                        "missed-deadline"),
                new UserTaskTemplate(
                        "follow-up",
                        "Behaviour follow-up (Kirkpatrick L3)",
                        "The manager (as the HCM says now: put an hcm-current-manager step before it) observes how the training changed the work.",
                        "=currentManager",
                        "hr-fallback",
                        Map.of(),
                        List.of(new Field("behaviourScore", "1 to 5"), new Field("observation", "what changed")),
                        "follow-up"),
                new UserTaskTemplate(
                        "sign-off",
                        "Sign off programme report",
                        "L&D signs off the programme retrospective; AI drafts, people decide.",
                        null,
                        "ld-team",
                        Map.of(),
                        List.of(
                                new Field("signedOff", "true to sign off"),
                                new Field("signOffComment", "remarks"),
                                new Field(
                                        "retrospective",
                                        "the retrospective as signed: the AI draft confirmed or rewritten")),
                        "sign-off-report"),
                new UserTaskTemplate(
                        "quiz-review",
                        "Review drafted questions",
                        "A subject-matter expert approves, edits or rejects"
                                + " each AI-drafted quiz question; only approved and edited questions are exported.",
                        null,
                        "sme",
                        Map.of(),
                        List.of(new Field(
                                "reviews", "one {questionId, verdict: approve|edit|reject, edited} per question")),
                        null));
    }
}
