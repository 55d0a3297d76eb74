package io.trainflow.bench.sync;

import io.trainflow.tests.moodle.WireMockMoodle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of the completion-sync benchmark: wall time and Moodle calls per function, from WireMock's journal. */
final class Report {

    private static final List<String> FUNCTIONS = List.of(
            "core_user_get_users_by_field",
            "core_completion_get_course_completion_status",
            "core_enrol_get_users_courses",
            "core_enrol_get_enrolled_users");

    private record Row(String name, long nanos, int[] calls) {
        int total() {
            int sum = 0;
            for (int c : calls) {
                sum += c;
            }
            return sum;
        }
    }

    interface Scenario {
        void run() throws Exception;
    }

    private final int enrolments;
    private final List<Row> rows = new ArrayList<>();
    private Row baseline;

    Report(int enrolments) {
        this.enrolments = enrolments;
    }

    void run(String name, WireMockMoodle moodle, Scenario scenario) throws Exception {
        System.err.println("== " + name);
        moodle.resetJournal();
        long start = System.nanoTime();
        scenario.run();
        add(name, moodle, System.nanoTime() - start, 1);
    }

    /** A row from the journal as it is, its calls divided over {@code polls} polls. */
    void add(String name, WireMockMoodle moodle, long nanosPerPoll, int polls) {
        int[] calls = new int[FUNCTIONS.size()];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = Math.round((float) moodle.calls(FUNCTIONS.get(i)) / polls);
        }
        rows.add(new Row(name, nanosPerPoll, calls));
    }

    /** The last row is the baseline the ratios are taken against. */
    void baseline() {
        baseline = rows.get(rows.size() - 1);
    }

    String markdown(int learners, int courses, int perLearner, int latency, int parallelism) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "%d enrolments (%d learners x %d courses, over %d courses), WireMock Moodle"
                        + " with a fixed %d ms latency, %d calls in flight (no rate limit).%n%n",
                enrolments,
                learners,
                perLearner,
                courses,
                latency,
                parallelism));
        md.append("| scenario | wall time | users_by_field | course_completion_status | users_courses | enrolled_users"
                + " | Moodle calls | fewer calls than naive | faster than naive |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f s | %d | %d | %d | %d | %d | %s | %s |%n",
                    r.name(),
                    r.nanos() / 1e9,
                    r.calls()[0],
                    r.calls()[1],
                    r.calls()[2],
                    r.calls()[3],
                    r.total(),
                    ratio(baseline.total(), r.total()),
                    ratio(baseline.nanos(), r.nanos())));
        }
        return md.toString();
    }

    private static String ratio(double base, double value) {
        return value == 0 ? "-" : String.format(Locale.ROOT, "%.1fx", base / value);
    }
}
