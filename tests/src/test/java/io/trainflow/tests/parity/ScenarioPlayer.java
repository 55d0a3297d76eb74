package io.trainflow.tests.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.parity.ParityTarget.OpenTask;
import io.trainflow.tests.parity.ParityTarget.Status;
import io.trainflow.tests.parity.Scenario.Advance;
import io.trainflow.tests.parity.Scenario.Campaign;
import io.trainflow.tests.parity.Scenario.ChangeManager;
import io.trainflow.tests.parity.Scenario.Complete;
import io.trainflow.tests.parity.Scenario.Ends;
import io.trainflow.tests.parity.Scenario.Enrolled;
import io.trainflow.tests.parity.Scenario.PastDeadline;
import io.trainflow.tests.parity.Scenario.Refused;
import io.trainflow.tests.parity.Scenario.Request;
import io.trainflow.tests.parity.Scenario.Sees;
import io.trainflow.tests.parity.Scenario.SeesNothing;
import io.trainflow.tests.parity.Scenario.Step;
import io.trainflow.tests.parity.Scenario.Told;
import io.trainflow.tests.parity.Scenario.Train;
import io.trainflow.tests.parity.Scenario.Variable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plays scenarios on one target, step by step. Where the target works asynchronously (jars), every expectation is
 * awaited up to the target's patience; on the embedded engine it is checked once, as everything has already run.
 */
final class ScenarioPlayer {

    private final ParityTarget target;
    private final MoodleJournal moodle;
    private final Map<String, String> keys = new HashMap<>();

    ScenarioPlayer(ParityTarget target) {
        this.target = target;
        this.moodle = new MoodleJournal(target.moodle());
    }

    void play(Scenario scenario) {
        for (Step step : scenario.steps()) {
            try {
                play(step);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "[" + target.name() + "] scenario '" + scenario.name() + "', step " + step + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private void play(Step step) {
        if (step instanceof Request r) {
            keys.put(r.ref(), target.request(r.requester(), r.employeeId(), r.justification(), r.courseIds()));
        } else if (step instanceof Campaign c) {
            keys.put(c.ref(), target.campaign(c.requester(), c.department()));
        } else if (step instanceof Sees s) {
            assertThat(task(s.user(), s.element(), s.ref()).assignee())
                    .as("assignee of %s", s.element())
                    .isEqualTo(s.assignee());
        } else if (step instanceof SeesNothing s) {
            assertThat(tasksOf(s.user(), key(s.ref())))
                    .as("tasks of %s in the inbox of %s", key(s.ref()), s.user())
                    .isEmpty();
        } else if (step instanceof Complete c) {
            assertThat(target.complete(
                            c.user(), task(c.user(), c.element(), c.ref()).id(), c.variables()))
                    .as("%s completes %s", c.user(), c.element())
                    .isTrue();
        } else if (step instanceof Refused r) {
            assertThat(target.complete(
                            r.user(),
                            task(r.owner(), r.element(), r.ref()).id(),
                            Map.of("decision", "approve", "signedOff", true)))
                    .as("%s may not complete %s's %s", r.user(), r.owner(), r.element())
                    .isFalse();
        } else if (step instanceof Advance a) {
            advance(Duration.ofDays(a.days()));
        } else if (step instanceof PastDeadline p) {
            Instant deadline = Instant.parse(variables(key(p.ref()), v -> v.containsKey("trainingDeadline"))
                    .get("trainingDeadline")
                    .toString());
            // whole days until just past the deadline (hours alone would truncate: 24 h 41 min left was one day)
            long days = Math.max(1, Duration.between(target.now(), deadline).getSeconds() / 86_400 + 1);
            advance(Duration.ofDays(days));
        } else if (step instanceof Train t) {
            target.moodle().site().setNow(target.now());
            moodle.completeAllCourses(t.learner());
            target.progressChanged();
            variables(key(t.ref()), v -> "completed".equals(v.get("trainingStatus")));
        } else if (step instanceof ChangeManager c) {
            target.changeManager(c.employeeId(), c.managerUsername());
        } else if (step instanceof Ends e) {
            Optional<Status> status = await(
                    "the end of " + key(e.ref()),
                    () -> target.status(key(e.ref())),
                    s -> s.isPresent() && s.get().ended());
            if (e.outcome() != null) {
                assertThat(status.orElseThrow().variables())
                        .as("variables of " + key(e.ref()))
                        .containsEntry("outcome", e.outcome());
            }
        } else if (step instanceof Variable v) {
            variables(key(v.ref()), vars -> same(v.value(), vars.get(v.name())));
        } else if (step instanceof Enrolled e) {
            await(
                    "Moodle enrolments of " + e.learner() + " to be " + e.shortnames(),
                    () -> moodle.enrolments(e.learner()),
                    courses -> courses.equals(e.shortnames().stream().sorted().toList()));
        } else if (step instanceof Told t) {
            await(
                    "a message to " + t.user() + " with '" + t.fragment() + "'"
                            + (t.ref() == null ? "" : " naming " + key(t.ref())),
                    () -> moodle.messagesTo(t.user()),
                    texts -> texts.stream()
                            .anyMatch(text ->
                                    text.contains(t.fragment()) && (t.ref() == null || text.contains(key(t.ref())))));
        } else {
            throw new IllegalArgumentException("no player for " + step);
        }
    }

    /** As text; a number by its value (an engine may keep 1050 where another keeps 1050.0). */
    private static boolean same(String expected, Object actual) {
        if (actual instanceof Number number) {
            return new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(number.toString())) == 0;
        }
        return expected.equals(String.valueOf(actual));
    }

    private void advance(Duration duration) {
        target.settle();
        target.moodle().site().setNow(target.advance(duration));
    }

    /** The one open task {@code element} of the reference in the user's inbox, once it is there. */
    private OpenTask task(String user, String element, String ref) {
        String key = key(ref);
        List<OpenTask> found = await(
                "one '" + element + "' task of " + key + " in the inbox of " + user,
                () -> tasksOf(user, key).stream()
                        .filter(t -> t.elementId().equals(element))
                        .toList(),
                tasks -> tasks.size() == 1);
        return found.get(0);
    }

    private List<OpenTask> tasksOf(String user, String key) {
        return target.inbox(user).stream()
                .filter(t -> key.equals(t.requestId()))
                .toList();
    }

    private Map<String, Object> variables(String key, Predicate<Map<String, Object>> ok) {
        return await(
                        "variables of " + key,
                        () -> target.status(key).map(Status::variables),
                        vars -> vars.isPresent() && ok.test(vars.get()))
                .orElseThrow();
    }

    /** The key the target gave what the reference started; "p:1016" is employee 1016's request in campaign p. */
    private String key(String ref) {
        int colon = ref.indexOf(':');
        String started = keys.get(colon < 0 ? ref : ref.substring(0, colon));
        Objects.requireNonNull(started, () -> "nothing started as '" + ref + "'");
        return colon < 0 ? started : started + "-" + ref.substring(colon + 1);
    }

    private <T> T await(String what, Supplier<T> probe, Predicate<T> ok) {
        long deadline = System.nanoTime() + target.patience().toNanos();
        while (true) {
            T value = probe.get();
            if (ok.test(value)) {
                return value;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("expected " + what + " within " + target.patience() + "; found " + value
                        + "; open tasks: " + target.openTasks());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
