package io.trainflow.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.engine.flowable.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound: a flood of different usernames (e.g. guessed ones) cannot grow the memory past it. */
class RecentAnswersTest {

    @Test
    void keepsAtMostMaxSizeDroppingTheLeastRecentlyUsed() {
        EngineClock clock = new EngineClock();
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        List<String> asked = new ArrayList<>();
        RecentAnswers<String, Boolean> answers = new RecentAnswers<>(Duration.ofMinutes(5), 2, clock);

        answers.get("a", k -> asked.add(k));
        answers.get("b", k -> asked.add(k));
        answers.get("a", k -> asked.add(k)); // a used again: b is now the least recent
        answers.get("c", k -> asked.add(k));
        answers.get("a", k -> asked.add(k));
        answers.get("b", k -> asked.add(k));

        assertThat(answers.size()).isEqualTo(2);
        assertThat(asked).containsExactly("a", "b", "c", "b");
    }
}
