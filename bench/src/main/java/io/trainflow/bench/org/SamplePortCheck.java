package io.trainflow.bench.org;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.outcome.InMemoryOutcomeStore;
import io.trainflow.workflows.TrainflowPorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Are the sample ports "instant" at the benchmark's size? Times the calls the step handlers make
 * most (an employee lookup; an enrolment, which writes) on the sample organisation loaded with
 * {@code SampleOrganisation.fromDirectory} and on the bench's indexed ports, same data.
 */
public final class SamplePortCheck {

    public record Result(
            int employees,
            double sampleLookupMicros,
            double indexedLookupMicros,
            int enrolments,
            double sampleFirstEnrolMillis,
            double sampleLastEnrolMillis,
            double indexedEnrolMicros) {}

    private SamplePortCheck() {}

    public static Result run(Path dir, int employees, int enrolments, Clock clock) {
        BenchOrganisation org = BenchOrganisation.generate(dir, employees, clock);
        TrainflowPorts indexed = org.ports(new InMemoryOutcomeStore(), clock);
        List<String> ids = org.departmentIds();
        double sampleLookup = lookupMicros(org.sample().hcm(), ids);
        double indexedLookup = lookupMicros(indexed.hcm(), ids);
        LmsPort sample = org.sample().lms();
        Instant start = clock.instant();
        Instant end = start.plus(Duration.ofDays(30));
        long t = System.nanoTime();
        long first = 0;
        long beforeLast = 0;
        for (int i = 0; i < enrolments; i++) {
            if (i == 100) {
                first = System.nanoTime() - t;
            }
            if (i == enrolments - 100) {
                beforeLast = System.nanoTime();
            }
            sample.enrol("engineer." + i, "101", start, end);
        }
        long last = System.nanoTime() - beforeLast;
        long i0 = System.nanoTime();
        for (int i = 0; i < enrolments; i++) {
            indexed.lms().enrol("engineer." + i, "101", start, end);
        }
        double indexedEnrol = (System.nanoTime() - i0) / 1e3 / enrolments;
        return new Result(
                employees, sampleLookup, indexedLookup, enrolments, first / 1e6 / 100, last / 1e6 / 100, indexedEnrol);
    }

    private static double lookupMicros(HcmPort hcm, List<String> ids) {
        int rounds = 2000;
        for (int i = 0; i < rounds; i++) {
            hcm.employee(ids.get((i * 7919) % ids.size()));
        }
        long t = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            hcm.employee(ids.get((i * 104729) % ids.size())).orElseThrow();
        }
        return (System.nanoTime() - t) / 1e3 / rounds;
    }
}
