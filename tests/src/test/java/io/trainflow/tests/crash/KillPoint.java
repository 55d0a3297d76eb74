package io.trainflow.tests.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A moment to kill Trainflow at: a step's log line ({@code Step <element> (<type>) runs|ran}, the
 * JobWorker's DEBUG lines; "ran" is after the handler's effect and before the engine recorded it), right
 * after the API acknowledged something ({@link Ack}), or (Moodle variant) inside Moodle's handling of a web-service
 * call, after Moodle's write and before its answer leaves ({@code moodleCall}).
 */
record KillPoint(String name, String phase, Pattern line, int occurrence, Ack ack, String moodleCall) {

    /** Acknowledgements the harness can kill right after. */
    enum Ack {
        CAMPAIGN_STARTED,
        APPROVAL,
        COMPLETION_SYNCED,
        TIME_TRAVEL,
        FOLLOW_UP
    }

    static KillPoint step(String phase, String type, String when, int occurrence) {
        return new KillPoint(
                type + "-" + when + "#" + occurrence,
                phase,
                Pattern.compile("Step \\S+ \\(" + Pattern.quote(type) + "\\) " + when + "$"),
                occurrence,
                null,
                null);
    }

    static KillPoint after(String phase, Ack ack) {
        return new KillPoint("after-" + ack.name().toLowerCase(), phase, null, 1, ack, null);
    }

    /** Killed while Moodle answers the n-th call of {@code function} in a run: Moodle did it, Trainflow never heard. */
    static KillPoint moodle(String phase, String function, int occurrence) {
        return new KillPoint("moodle-" + function + "#" + occurrence, phase, null, occurrence, null, function);
    }

    /** Killed at an INFO line of Trainflow's log. */
    static KillPoint logged(String name, String phase, String regex) {
        return new KillPoint(name, phase, Pattern.compile(regex), 1, null, null);
    }

    /** Every kill point, in the order the lifecycle reaches them (the long run draws from these). */
    static final List<KillPoint> ALL = List.of(
            after("campaign fan-out", Ack.CAMPAIGN_STARTED),
            step("campaign fan-out", "hcm-list-department", "ran", 1),
            step("campaign fan-out", "analyse-needs", "ran", 3),
            step("campaign fan-out", "rank-learning-path", "ran", 2),
            step("campaign fan-out", "match-sessions", "runs", 2),
            after("approval completion", Ack.APPROVAL),
            step("approval routing", "check-budget", "ran", 1),
            step("enrolment", "lms-enrol", "runs", 1),
            step("enrolment", "lms-enrol", "ran", 1),
            step("enrolment", "lms-create-calendar-events", "ran", 1),
            step("notification", "send-notification", "runs", 1),
            step("notification", "send-notification", "ran", 2),
            after("completion sync", Ack.COMPLETION_SYNCED),
            step("evaluation", "lms-collect-grades", "ran", 1),
            step("evaluation", "lms-collect-feedback", "runs", 1),
            step("write-back", "hcm-record-training", "runs", 1),
            step("write-back", "hcm-record-training", "ran", 1),
            step("evaluation", "record-outcome", "ran", 1),
            after("follow-up", Ack.TIME_TRAVEL),
            after("follow-up", Ack.FOLLOW_UP),
            step("programme report", "build-programme-report", "ran", 1),
            step("programme report", "ai-summarise-feedback", "ran", 1));

    /** What {@code mvn verify} runs on H2: one kill per lifecycle phase the issue names, kept short. */
    static final List<String> BOUNDED = List.of(
            "analyse-needs-ran#3",
            "after-approval",
            "lms-enrol-ran#1",
            "send-notification-ran#2",
            "after-completion_synced",
            "hcm-record-training-ran#1");

    /**
     * The Moodle variant's kill points (the application against a WireMock Moodle): approval completion to
     * enrolment, Moodle's enrolment, calendar and message writes with their answers lost, the completion sync's
     * pick-up, evaluation and the HCM write-back.
     */
    static final List<KillPoint> MOODLE = List.of(
            after("approval completion", Ack.APPROVAL),
            moodle("enrolment", "enrol_manual_enrol_users", 1),
            moodle("enrolment", "core_calendar_create_calendar_events", 1),
            step("notification", "send-notification", "runs", 1),
            moodle("notification", "core_message_send_instant_messages", 2),
            logged("completion-synced", "completion sync", "Progress sync: \\d+ request\\(s\\) completed"),
            step("evaluation", "lms-collect-grades", "ran", 1),
            step("write-back", "hcm-record-training", "ran", 1));

    static List<KillPoint> named(List<String> names) {
        return names.stream()
                .map(n -> java.util.stream.Stream.concat(ALL.stream(), MOODLE.stream())
                        .filter(k -> k.name().equals(n))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no kill point " + n)))
                .toList();
    }
}
