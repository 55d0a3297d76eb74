package io.trainflow.bench.paired;

import io.trainflow.bench.scenario.EngineRuns;
import io.trainflow.bench.scenario.RunResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One engine's side of a paired run, in its own JVM: a warm-up, then one measured round each time the coordinator
 * says go. Speaks on stdout in lines starting with {@link #MARK} (the engine's own output may share the stream).
 * Arguments: {@code baseline|trainflow cohort warmup workDirectory}.
 */
public final class RoundWorker {

    static final String MARK = "@@paired ";

    private RoundWorker() {}

    public static void main(String[] args) throws Exception {
        boolean trainflow = "trainflow".equals(args[0]);
        int cohort = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        // the protocol keeps the real stdout; anything else printing to it lands on stderr
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        System.setOut(System.err);
        if (warmup > 0) {
            run(trainflow, work, warmup);
        }
        BufferedReader coordinator = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            protocol.println(MARK + "ready");
            String order = coordinator.readLine();
            if (order == null || !order.equals("go")) {
                return;
            }
            protocol.println(MARK + "result " + encode(run(trainflow, work, cohort)));
        }
    }

    private static RunResult run(boolean trainflow, Path work, int cohort) {
        return trainflow ? EngineRuns.trainflow(work, cohort, false) : EngineRuns.baseline(work, cohort, false);
    }

    private static String encode(RunResult result) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
