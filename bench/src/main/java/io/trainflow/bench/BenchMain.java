package io.trainflow.bench;

import io.trainflow.bench.lint.LintBench;
import io.trainflow.bench.org.SamplePortCheck;
import io.trainflow.bench.paired.PairedRounds;
import io.trainflow.bench.scenario.EngineRuns;
import io.trainflow.bench.scenario.RunResult;
import io.trainflow.bench.startup.StartupBench;
import io.trainflow.tests.SampleLifecycle;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark run (see docs/BENCHMARKS.md): run from the repository root with
 * {@code java -Xmx4g -jar bench/target/trainflow-bench.jar [--cohort N] [--intake-cohort N]
 * [--warmup N] [--rounds N] [--skip-startup] [--skip-tools] [--skip-baseline-intake] [--baseline-async-steps]
 * [--paired [--worker-heap 8g] [--paired-also engine,label,directory,classpath]...]} (0 skips a part).
 * Results go to stdout and bench/target/bench-results.md.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int cohort = option(a, "--cohort", 250);
        int intakeCohort = option(a, "--intake-cohort", 500);
        int warmup = option(a, "--warmup", 50);
        int rounds = option(a, "--rounds", 1);
        if (a.contains("--baseline-async-steps")) {
            System.setProperty("bench.baselineAsyncSteps", "true");
        }
        Path repo = SampleLifecycle.bpmnFolder().getParent();
        Path work = Files.createTempDirectory("trainflow-bench");
        BenchReport report = new BenchReport();
        report.line("## Run")
                .line("")
                .line(machine())
                .line("cohort " + cohort + ", intake-only cohort " + intakeCohort
                        + ", warm-up cohort " + warmup + "; baseline steps "
                        + (a.contains("--baseline-async-steps") ? "asynchronous (flowable:async)" : "synchronous")
                        + "; work directory " + work);

        // the tools first, on a quiet machine: lint and start-up run in their own JVMs
        BenchReport tools = new BenchReport();
        if (!a.contains("--skip-tools")) {
            progress("lint");
            tools.lint(LintBench.run(repo.resolve("bpmn")));
            if (!a.contains("--skip-startup")) {
                progress("start-up");
                tools.startup(StartupBench.run(repo, work));
            }
            progress("sample ports");
            tools.ports(SamplePortCheck.run(work.resolve("ports"), 10_000, 2_000, Clock.system(ZoneOffset.UTC)));
        }
        boolean paired = a.contains("--paired");
        if (warmup > 0 && !paired) {
            progress("warm-up, cohort " + warmup);
            EngineRuns.baseline(work, warmup, false);
            EngineRuns.trainflow(work, warmup, false);
        }
        if (cohort > 0 && paired) {
            // both engines at once, each in its own JVM with its own warm-up: the machine's moods hit both
            List<PairedRounds.Side> sides = new ArrayList<>(List.of(
                    PairedRounds.Side.of("raw Flowable", "baseline"), PairedRounds.Side.of("Trainflow", "trainflow")));
            // --paired-also engine,label,directory,classpath (repeatable): other builds beside them (before and after)
            for (int i = 0; i < a.size() - 1; i++) {
                if (a.get(i).equals("--paired-also")) {
                    sides.add(PairedRounds.Side.parse(a.get(i + 1)));
                }
            }
            List<RunResult[]> results =
                    PairedRounds.run(work.resolve("paired"), cohort, warmup, rounds, heapOption(a), sides);
            report.rounds(
                    results.stream().map(r -> new RunResult[] {r[0], r[1]}).toList(),
                    "both engines at the same time, each in its own JVM");
            if (sides.size() > 2) {
                report.sides(
                        results, sides.stream().map(PairedRounds.Side::label).toList());
            }
        } else if (cohort > 0) {
            // one run of each is at the mercy of the machine (the same phase has moved by 40 % between runs), so
            // the rounds alternate which engine goes first and the report takes the median round
            List<RunResult[]> pairs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                progress("full lifecycle, cohort " + cohort + ", round " + round + " of " + rounds);
                boolean baselineFirst = round % 2 == 1;
                RunResult first = baselineFirst
                        ? EngineRuns.baseline(work, cohort, false)
                        : EngineRuns.trainflow(work, cohort, false);
                RunResult second = baselineFirst
                        ? EngineRuns.trainflow(work, cohort, false)
                        : EngineRuns.baseline(work, cohort, false);
                pairs.add(baselineFirst ? new RunResult[] {first, second} : new RunResult[] {second, first});
            }
            report.rounds(pairs, "engines one after the other, in alternating order");
        }
        if (intakeCohort > 0) {
            progress("intake only, cohort " + intakeCohort);
            RunResult trainflow = EngineRuns.trainflow(work, intakeCohort, true);
            RunResult baseline =
                    a.contains("--skip-baseline-intake") ? null : EngineRuns.baseline(work, intakeCohort, true);
            report.intake(baseline, trainflow);
        }
        report.append(tools);
        finish(repo, report);
    }

    private static void finish(Path repo, BenchReport report) throws Exception {
        Path out = repo.resolve("bench/target/bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    /** Each paired worker's heap: {@code --worker-heap 8g}. */
    private static String heapOption(List<String> args) {
        int i = args.indexOf("--worker-heap");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "8g";
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    private static void progress(String what) {
        System.err.println("== " + what);
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("?");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), "
                + Math.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024) + " GiB RAM, Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + "), max heap "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB.";
    }
}
