package io.trainflow.plugin.connect;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.moodle.MoodleConfig;
import io.trainflow.connectors.moodle.MoodleConnector;
import io.trainflow.connectors.moodle.catalogue.CatalogueCourseLms;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import io.trainflow.connectors.moodle.health.MoodleConnectionCheck;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The external systems chosen by configuration ({@code trainflow.lms.type}, {@code trainflow.hcm.type})
 * and a connection check for each. The catalogue (costs, sessions, budgets) always comes from the
 * sample/config catalogue: Moodle has none. Shared by the server and {@code trainflow check-connections}.
 */
public final class Connections implements AutoCloseable {

    private final LmsPort lms;
    private final HcmPort hcm;
    private final List<ConnectionCheck> checks;
    private final AutoCloseable resources;

    private Connections(LmsPort lms, HcmPort hcm, List<ConnectionCheck> checks, AutoCloseable resources) {
        this.lms = lms;
        this.hcm = hcm;
        this.checks = List.copyOf(checks);
        this.resources = resources;
    }

    public static Connections open(ConnectionSettings settings, SampleOrganisation org, Function<String, String> env) {
        List<ConnectionCheck> checks = new ArrayList<>();
        HcmPort hcm = HcmPorts.select(settings.hcmType(), org);
        checks.add(sample("sample-hcm", "HCM"));
        return switch (settings.lmsType()) {
            case "sample" -> {
                checks.add(0, sample("sample-lms", "LMS"));
                yield new Connections(org.lms(), hcm, checks, () -> { });
            }
            case "moodle" -> {
                MoodleConfig config = settings.moodle().toConfig(env);
                MoodleConnector moodle = MoodleConnector.start(config);
                // the catalogue's course ids map to Moodle ids through each course's shortname
                Map<String, String> shortnames = org.lms().courses().stream()
                        .collect(Collectors.toMap(Course::id, Course::shortname));
                MoodleCourseIds ids = new MoodleCourseIds(moodle.calls(), shortnames);
                checks.add(0, new MoodleConnectionCheck(config.baseUrl(), moodle.calls(), ids));
                yield new Connections(new CatalogueCourseLms(moodle.lms(), ids), hcm, checks, moodle);
            }
            default -> throw new IllegalStateException("trainflow.lms.type=" + settings.lmsType()
                    + " is not supported; use sample or moodle");
        };
    }

    private static ConnectionCheck sample(String system, String what) {
        return new ConnectionCheck() {
            @Override
            public String system() {
                return system;
            }

            @Override
            public CheckResult check() {
                return CheckResult.of(system, Finding.ok("the sample organisation's " + what + ", inside Trainflow"));
            }
        };
    }

    public LmsPort lms() {
        return lms;
    }

    public HcmPort hcm() {
        return hcm;
    }

    public List<ConnectionCheck> checks() {
        return checks;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
