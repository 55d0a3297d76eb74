package io.trainflow.bench.durability;

import io.trainflow.bench.scenario.EngineRuns;
import io.trainflow.bench.scenario.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A campaign's fan-out alone (until every employee has an approval task) on the durable H2 default, repeated: wall
 * time and the process's CPU time. CPU time barely moves with a shared machine's load, so it is the number to
 * compare a product change by. From the repository root: {@code java -Xmx3g -cp bench/target/trainflow-bench.jar
 * io.trainflow.bench.durability.IntakeCpu [cohort] [runs]}.
 */
public final class IntakeCpu {

    private IntakeCpu() {}

    public static void main(String[] args) throws Exception {
        int cohort = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("trainflow-intake-cpu");
        for (int run = 1; run <= runs; run++) {
            RunResult r = EngineRuns.trainflow(work, cohort, true);
            System.out.printf(
                    "intake-cpu: run %d, cohort %d: intake %.1f s wall, %.1f s CPU (%.0f ms CPU per employee)%n",
                    run, cohort, r.intakeSeconds(), r.cpuSeconds(), 1000 * r.cpuSeconds() / cohort);
        }
    }
}
