package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** The built-in sample LMS: progress through its demo endpoint, writes read from its saved state. */
final class SampleLearners implements Learners {

    @Override
    public boolean progress(Api api, String username, Runnable synced) {
        Api.Answer progress = api.post(username, "/api/sample/learners/" + username + "/progress", Map.of());
        if (progress.status() != 200) {
            throw new IllegalStateException("progress of " + username + ": " + progress);
        }
        if (progress.body().path("requestsCompleted").asInt() > 0) {
            synced.run();
        }
        return progress.body().path("completedCourseId").isTextual();
    }

    @Override
    public void assertWritesOnce(Afterwards db) throws Exception {
        db.assertSampleLmsWritesOnce();
        assertThat(db.messages("alice.martin", "You are enrolled"))
                .as("Alice told once she is enrolled")
                .isEqualTo(1);
        assertThat(db.messages("manon.boyer", "You are enrolled"))
                .as("Manon told once she is enrolled")
                .isEqualTo(1);
    }
}
