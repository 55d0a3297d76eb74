package io.trainflow.bench;

import io.trainflow.bench.lint.LintBench;
import io.trainflow.bench.org.SamplePortCheck;
import io.trainflow.bench.scenario.RunResult;
import io.trainflow.bench.startup.StartupBench;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The results as Markdown, for the console and docs/BENCHMARKS.md. */
final class BenchReport {

    private final StringBuilder md = new StringBuilder();

    BenchReport append(BenchReport other) {
        md.append(other.md);
        return this;
    }

    BenchReport line(String text) {
        md.append(text).append('\n');
        return this;
    }

    BenchReport lifecycle(RunResult baseline, RunResult trainflow) {
        line("");
        line("### Full lifecycle, cohort of " + trainflow.cohort());
        line("");
        line("| measure | raw Flowable | Trainflow | ratio |");
        line("|---|---:|---:|---:|");
        row("1. intake to approval tasks (s)", baseline.intakeSeconds(), trainflow.intakeSeconds());
        row("   instances/s", baseline.intakePerSecond(), trainflow.intakePerSecond());
        row("   peak heap (MiB)", mib(baseline.intakePeakHeap()), mib(trainflow.intakePeakHeap()));
        row("2. approval to programme report (s)", baseline.reportSeconds(), trainflow.reportSeconds());
        row("   instances/s", baseline.reportPerSecond(), trainflow.reportPerSecond());
        row(
                "2b. the same without the 3 idle timer-acquisition waits (s)",
                baseline.reportBusySeconds(),
                trainflow.reportBusySeconds());
        row("   instances/s", baseline.reportBusyPerSecond(), trainflow.reportBusyPerSecond());
        row("   peak heap (MiB)", mib(baseline.reportPeakHeap()), mib(trainflow.reportPeakHeap()));
        row("JVM CPU time, both phases (s)", baseline.cpuSeconds(), trainflow.cpuSeconds());
        line("| client retries / incidents | " + baseline.clientConflicts() + " / " + baseline.incidents() + " | "
                + trainflow.clientConflicts() + " / " + trainflow.incidents() + " | |");
        line("| failed jobs retried by the engine: locking conflicts / other | " + baseline.failedJobs()[0] + " / "
                + baseline.failedJobs()[1] + " | " + trainflow.failedJobs()[0] + " / "
                + trainflow.failedJobs()[1] + " | |");
        line("");
        line("Steps of phase 2 (s):");
        line("");
        line("| step | raw Flowable | Trainflow |");
        line("|---|---:|---:|");
        trainflow
                .steps()
                .forEach((step, t) -> line("| " + step + " | "
                        + num(baseline.steps().getOrDefault(step, Double.NaN)) + " | " + num(t) + " |"));
        line("");
        line("End state: raw Flowable: " + baseline.check() + "; Trainflow: " + trainflow.check() + ".");
        return this;
    }

    /**
     * The full lifecycle's rounds: each round's CPU ratio, then the whole table for the round with the median ratio
     * (a machine that gets busier or quieter during the run shows as spread between rounds instead of moving the one
     * figure). {@code how} says how the engines shared the machine.
     */
    BenchReport rounds(List<RunResult[]> pairs, String how) {
        if (pairs.size() > 1) {
            line("");
            line("### Full lifecycle, cohort of " + pairs.get(0)[1].cohort() + ": " + pairs.size() + " rounds, " + how);
            line("");
            line("| round | raw Flowable CPU (s) | Trainflow CPU (s) | ratio |");
            line("|---|---:|---:|---:|");
            for (int i = 0; i < pairs.size(); i++) {
                RunResult[] p = pairs.get(i);
                line("| " + (i + 1) + " | " + num(p[0].cpuSeconds()) + " | " + num(p[1].cpuSeconds()) + " | "
                        + num(ratio(p)) + "× |");
            }
            List<RunResult[]> sorted = new ArrayList<>(pairs);
            sorted.sort(Comparator.comparingDouble(BenchReport::ratio));
            double sumBaseline =
                    pairs.stream().mapToDouble(p -> p[0].cpuSeconds()).sum();
            double sumTrainflow =
                    pairs.stream().mapToDouble(p -> p[1].cpuSeconds()).sum();
            line("");
            line("Median ratio **" + num(median(sorted)) + "×** (range " + num(ratio(sorted.get(0))) + "–"
                    + num(ratio(sorted.get(sorted.size() - 1))) + "×); all rounds together "
                    + num(sumTrainflow / sumBaseline) + "×. The table below is the median round's.");
        }
        List<RunResult[]> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble(BenchReport::ratio));
        RunResult[] middle = sorted.get((sorted.size() - 1) / 2);
        return lifecycle(middle[0], middle[1]);
    }

    /** Every side's CPU per round against the first (raw Flowable), for runs with more than two sides. */
    BenchReport sides(List<RunResult[]> rounds, List<String> labels) {
        line("");
        line("### CPU of every side, each round (s, and against " + labels.get(0) + ")");
        line("");
        line("| round | " + String.join(" | ", labels) + " |");
        line("|---|" + "---:|".repeat(labels.size()));
        for (int i = 0; i < rounds.size(); i++) {
            RunResult[] r = rounds.get(i);
            StringBuilder row = new StringBuilder("| " + (i + 1) + " | " + num(r[0].cpuSeconds()) + " |");
            for (int s = 1; s < r.length; s++) {
                row.append(' ')
                        .append(num(r[s].cpuSeconds()))
                        .append(" (")
                        .append(num(r[s].cpuSeconds() / r[0].cpuSeconds()))
                        .append("×) |");
            }
            line(row.toString());
        }
        return this;
    }

    private static double ratio(RunResult[] pair) {
        return pair[1].cpuSeconds() / pair[0].cpuSeconds();
    }

    private static double median(List<RunResult[]> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? ratio(sorted.get(n / 2)) : (ratio(sorted.get(n / 2 - 1)) + ratio(sorted.get(n / 2))) / 2;
    }

    BenchReport intake(RunResult baseline, RunResult trainflow) {
        if (baseline == null) {
            line("").line("### Intake only, cohort of " + trainflow.cohort() + " (Trainflow only)")
                    .line("");
            line("intake " + num(trainflow.intakeSeconds()) + " s, " + num(trainflow.intakePerSecond())
                    + " instances/s, peak heap " + num(mib(trainflow.intakePeakHeap())) + " MiB, JVM CPU "
                    + num(trainflow.cpuSeconds()) + " s");
            return this;
        }
        line("");
        line("### Intake only, cohort of " + trainflow.cohort());
        line("");
        line("| measure | raw Flowable | Trainflow | ratio |");
        line("|---|---:|---:|---:|");
        row("intake to approval tasks (s)", baseline.intakeSeconds(), trainflow.intakeSeconds());
        row("instances/s", baseline.intakePerSecond(), trainflow.intakePerSecond());
        row("peak heap (MiB)", mib(baseline.intakePeakHeap()), mib(trainflow.intakePeakHeap()));
        row("JVM CPU time (s)", baseline.cpuSeconds(), trainflow.cpuSeconds());
        return this;
    }

    BenchReport ports(SamplePortCheck.Result r) {
        line("");
        line("### Sample ports at " + r.employees() + " employees");
        line("");
        line("| call | sample organisation | bench's indexed ports |");
        line("|---|---:|---:|");
        line("| HcmPort.employee(id) | " + num(r.sampleLookupMicros()) + " µs | " + num(r.indexedLookupMicros())
                + " µs |");
        line("| LmsPort.enrol, first 100 | " + num(r.sampleFirstEnrolMillis()) + " ms | "
                + num(r.indexedEnrolMicros() / 1000) + " ms |");
        line("| LmsPort.enrol, enrolments " + (r.enrolments() - 100) + "–" + r.enrolments() + " | "
                + num(r.sampleLastEnrolMillis()) + " ms | " + num(r.indexedEnrolMicros() / 1000) + " ms |");
        return this;
    }

    BenchReport lint(LintBench.Result r) {
        line("");
        line("### Lint of bpmn/ (" + r.problems() + " problems)");
        line("");
        line("| | ms |");
        line("|---|---:|");
        line("| cold: first lint in a new JVM (linter built as LintCommand does) | " + num(r.coldLintMillis()) + " |");
        line("| cold: whole process (JVM start to exit) | " + num(r.coldProcessMillis()) + " |");
        line("| warm: mean of 50 after 20 warm-up runs | " + num(r.warmMillis()) + " |");
        return this;
    }

    BenchReport startup(StartupBench.Result r) {
        line("");
        line("### Start-up of plugin/target/trainflow.jar to /actuator/health UP");
        line("");
        line("| | s |");
        line("|---|---:|");
        line("| first start (creates the H2 database) | " + num(r.firstMillis() / 1000) + " |");
        line("| second start (same database) | " + num(r.secondMillis() / 1000) + " |");
        return this;
    }

    private void row(String name, double baseline, double trainflow) {
        line("| " + name + " | " + num(baseline) + " | " + num(trainflow) + " | " + num(trainflow / baseline) + "× |");
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
