package io.trainflow.plugin.connect;

import io.trainflow.connectors.catalogue.CatalogueCheck;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.lms.CompletionPoll;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.moodle.MoodleConfig;
import io.trainflow.connectors.moodle.MoodleConnector;
import io.trainflow.connectors.moodle.catalogue.CatalogueCourseLms;
import io.trainflow.connectors.moodle.catalogue.CatalogueCoursePoll;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import io.trainflow.connectors.moodle.completion.IncrementalCompletionPoll;
import io.trainflow.connectors.moodle.completion.JdbcCompletionChecks;
import io.trainflow.connectors.moodle.health.MoodleConnectionCheck;
import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The external systems chosen by configuration ({@code trainflow.lms.type}, {@code trainflow.hcm.type})
 * and a connection check for each. The catalogue (costs, sessions, budgets, each course's LMS shortname, what the
 * HCM calls skills, job titles and departments) is Trainflow's own, in its database: Moodle has none. Shared by the
 * server and {@code trainflow check-connections}.
 */
public final class Connections implements AutoCloseable {

    /** Shortname of a Moodle test course on which check-connections tries the writes (enrol, event, message). */
    public static final String PROBE_COURSE_ENV = "TRAINFLOW_MOODLE_PROBE_COURSE";

    private final LmsPort lms;
    private final HcmPorts.Opened hcm;
    private final List<ConnectionCheck> checks;
    private final AutoCloseable lmsResources;
    private final CompletionPoll completionPoll;
    private Function<Function<String, String>, Connections> reopen;

    private Connections(
            LmsPort lms,
            CompletionPoll completionPoll,
            ConnectionCheck lmsCheck,
            AutoCloseable lmsResources,
            HcmPorts.Opened hcm,
            ConnectionCheck catalogueCheck) {
        this.lms = lms;
        this.completionPoll = completionPoll;
        this.hcm = hcm;
        this.checks = List.of(lmsCheck, hcm.check(), catalogueCheck);
        this.lmsResources = lmsResources;
    }

    /**
     * @param demo     the sample organisation's systems, asked for only when one of them is chosen
     * @param database Trainflow's database (the catalogue, OrangeHRM's tokens, SCIM's local records); asked for
     *                 only when the chosen systems need it
     * @param clock    real time, for OAuth token expiry
     */
    public static Connections open(
            ConnectionSettings settings,
            Supplier<DemoSystems> demo,
            Function<String, String> env,
            Supplier<DataSource> database,
            Clock clock) {
        HcmPorts.Opened hcm = HcmPorts.open(settings, demo, env, database, clock);
        ConnectionCheck catalogue = new CatalogueCheck(() -> new JdbcCatalogue(database.get(), clock), settings.demo());
        try {
            Connections opened = switch (settings.lmsType()) {
                case "sample" -> {
                    LmsPort sample = demo.get().lms();
                    yield new Connections(
                            sample,
                            CompletionPoll.everyLearner(sample),
                            inProcess("sample-lms", "LMS"),
                            () -> {},
                            hcm,
                            catalogue);
                }
                case "moodle" -> {
                    MoodleConfig config = settings.moodle().toConfig(env);
                    MoodleConnector moodle = MoodleConnector.start(config);
                    // the catalogue's course ids map to Moodle ids through each course's shortname, read afresh
                    // for a course added since
                    MoodleCourseIds ids = new MoodleCourseIds(
                            moodle.calls(), () -> new JdbcCatalogue(database.get(), clock).lmsShortnames());
                    // completion: one course list per course, then only learners whose completion can have changed
                    CompletionPoll poll = new CatalogueCoursePoll(
                            new IncrementalCompletionPoll(
                                    moodle.calls(),
                                    moodle.lms(),
                                    new JdbcCompletionChecks(database.get()),
                                    clock,
                                    settings.moodle().completionPoll()),
                            ids);
                    yield new Connections(
                            new CatalogueCourseLms(
                                    moodle.lms(),
                                    ids,
                                    // nodes on one PostgreSQL: a database lock (on H2, one node: nothing to wait for)
                                    work -> () -> io.trainflow.connectors.jdbc.StartupLock.around(
                                            database.get(), "moodle-calendar-events", work)),
                            poll,
                            new MoodleConnectionCheck(
                                    config.baseUrl(),
                                    moodle.calls(),
                                    ids,
                                    env.apply(PROBE_COURSE_ENV),
                                    config.studentRoleId()),
                            moodle,
                            hcm,
                            catalogue);
                }
                default ->
                    throw new IllegalStateException(
                            "trainflow.lms.type=" + settings.lmsType() + " is not supported; use sample or moodle");
            };
            opened.reopen = other -> open(settings, demo, other, database, clock);
            return opened;
        } catch (RuntimeException e) {
            closeQuietly(hcm.resources(), e);
            throw e;
        }
    }

    /** The check of a system inside Trainflow (the sample organisation): always reachable. */
    static ConnectionCheck inProcess(String system, String what) {
        return new ConnectionCheck() {
            @Override
            public String system() {
                return system;
            }

            @Override
            public CheckResult check() {
                return CheckResult.of(
                        system, Finding.ok("in process", "the sample organisation's " + what + ", inside Trainflow"));
            }
        };
    }

    public LmsPort lms() {
        return lms;
    }

    /** How the completion sync asks the LMS which waiting learners completed their courses. */
    public CompletionPoll completionPoll() {
        return completionPoll;
    }

    public HcmPort hcm() {
        return hcm.port();
    }

    /** OrangeHRM's one-time OAuth consent; empty for every other HCM and for session login. */
    public Optional<OAuthAuthorization> hcmConsent() {
        return hcm.oauth();
    }

    /**
     * The same systems opened again with another environment: {@code check-connections} through a running server
     * runs the write probes (a test course) that the server's own connections leave out. Close it after use.
     */
    public Connections reopen(Function<String, String> env) {
        return reopen.apply(env);
    }

    public List<ConnectionCheck> checks() {
        return checks;
    }

    @Override
    public void close() throws Exception {
        try {
            lmsResources.close();
        } finally {
            hcm.resources().close();
        }
    }

    private static void closeQuietly(AutoCloseable resource, RuntimeException failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
