package io.trainflow.tests.moodle;

import io.trainflow.tests.SampleLifecycle;

/** The sample lifecycle with a WireMock Moodle as the LMS, at the lifecycle's start; closes all of it. */
public final class MoodleBackedLifecycle implements AutoCloseable {

    public final MoodleSite site = SampleMoodleSite.atLifecycleStart();
    public final WireMockMoodle moodle = WireMockMoodle.start(site);
    private final MoodleLmsWiring wiring = new MoodleLmsWiring(moodle);
    public final SampleLifecycle life = SampleLifecycle.start(wiring.replacingSampleLms());

    /** Whether Moodle lists the user in the course (by username and shortname). */
    public boolean enrolled(String username, String shortname) {
        return site.enrolled(
                site.user(username).orElseThrow().id(),
                site.course(shortname).orElseThrow().id());
    }

    @Override
    public void close() {
        life.close();
        wiring.close();
        moodle.close();
    }
}
