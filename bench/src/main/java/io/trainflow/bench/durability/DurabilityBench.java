package io.trainflow.bench.durability;

import io.trainflow.bench.scenario.BenchDatabase;
import io.trainflow.bench.scenario.EngineRuns;
import io.trainflow.bench.scenario.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The cost of durability (issue 9), in one run: the campaign lifecycle on H2 with the settings before (H2's 500 ms
 * write delay) and with the durable default (WRITE_DELAY=0), then the time from a restart to the first resumed
 * step after a kill during a campaign, with the real application jar. From the repository root:
 * {@code java -Xmx4g -cp bench/target/trainflow-bench.jar io.trainflow.bench.durability.DurabilityBench
 * [--commits N] [--cohort N] [--kills N] [--skip-restart]} (0 skips a part).
 */
public final class DurabilityBench {

    private DurabilityBench() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int cohort = option(a, "--cohort", 1000);
        int kills = option(a, "--kills", 3);
        Path work = Files.createTempDirectory("trainflow-durability");
        StringBuilder out = new StringBuilder();
        out.append("cohort ")
                .append(cohort)
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, Java ")
                .append(System.getProperty("java.version"))
                .append("\n\n");
        int commits = option(a, "--commits", 5000);
        if (commits > 0) {
            // alternated three times, so JIT warm-up and the machine's load do not favour one setting
            out.append("| H2 settings | single-row commits/s, rounds 1, 2, 3 |\n|---|---|\n");
            StringBuilder before = new StringBuilder();
            StringBuilder durable = new StringBuilder();
            for (int round = 0; round < 3; round++) {
                before.append(String.format(
                        " %.0f", CommitRate.perSecond(work.resolve("commits"), ";DB_CLOSE_DELAY=-1", commits)));
                durable.append(String.format(
                        " %.0f", CommitRate.perSecond(work.resolve("commits"), BenchDatabase.DURABLE, commits)));
            }
            out.append("| before: 500 ms write delay |").append(before).append(" |\n");
            out.append("| durable default |").append(durable).append(" |\n\n");
        }
        if (cohort > 0) {
            out.append("| H2 settings | campaign: every employee has an approval task | approvals completed | "
                    + "approvals/s | follow-up completions/s | whole lifecycle after intake | end state |\n");
            out.append("|---|---:|---:|---:|---:|---:|---|\n");
            for (Map.Entry<String, String> mode : List.of(
                    Map.entry("before: 500 ms write delay (;DB_CLOSE_DELAY=-1)", ";DB_CLOSE_DELAY=-1"),
                    Map.entry("durable default (" + BenchDatabase.DURABLE + ")", BenchDatabase.DURABLE))) {
                System.setProperty("bench.h2.options", mode.getValue());
                System.err.println("durability bench: " + mode.getKey());
                RunResult r = EngineRuns.trainflow(work, cohort, false);
                double approvals = r.steps().getOrDefault("approvals completed by the clients", Double.NaN);
                double followUps = r.steps().entrySet().stream()
                        .filter(e -> e.getKey().endsWith("completed by the clients")
                                && e.getKey().startsWith("follow-up"))
                        .mapToDouble(Map.Entry::getValue)
                        .sum();
                out.append(String.format(
                        "| %s | %.1f s | %.1f s | %.1f | %.1f | %.1f s | %s |%n",
                        mode.getKey(),
                        r.intakeSeconds(),
                        approvals,
                        cohort / approvals,
                        3.0 * cohort / followUps,
                        r.reportSeconds(),
                        r.check()));
            }
            System.clearProperty("bench.h2.options");
        }
        if (!a.contains("--skip-restart") && kills > 0) {
            out.append("\n")
                    .append(RestartBench.run(
                            Path.of("plugin/target/trainflow.jar").toAbsolutePath(), work.resolve("restart"), kills));
        }
        System.out.println(out);
        Path report = Path.of("bench/target/durability-results.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
    }

    private static int option(List<String> a, String name, int fallback) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? Integer.parseInt(a.get(i + 1)) : fallback;
    }
}
