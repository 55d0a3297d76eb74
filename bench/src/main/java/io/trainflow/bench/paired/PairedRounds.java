package io.trainflow.bench.paired;

import io.trainflow.bench.scenario.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lifecycle's rounds with both engines at the same time, each in its own JVM ({@link RoundWorker}), every round
 * started together. Run one after the other, the two engines met different machines: the same threads doing the same
 * work took up to 60 % more CPU in one round than in the next. Side by side, whatever slows the machine slows both,
 * and each JVM's CPU time is its own engine's, JIT and GC included.
 */
public final class PairedRounds {

    private PairedRounds() {}

    /**
     * One side of the run: an engine ({@code baseline} or {@code trainflow}) on a class path, so that another build of
     * Trainflow can run beside this one (before and after a change, on the same machine at the same time).
     */
    public record Side(String label, String engine, Path directory, String classPath) {

        /** This build's engine, in this working directory. */
        public static Side of(String label, String engine) {
            return new Side(label, engine, Path.of("").toAbsolutePath(), System.getProperty("java.class.path"));
        }

        /**
         * {@code engine,label,directory,classPath}: another build, run from its own repository root (whose
         * {@code bpmn/} it deploys).
         */
        public static Side parse(String text) {
            String[] parts = text.split(",", 4);
            if (parts.length != 4 || !List.of("baseline", "trainflow").contains(parts[0])) {
                throw new IllegalArgumentException(
                        "--paired-also takes engine,label,directory,classpath (engine baseline or trainflow): " + text);
            }
            return new Side(parts[1], parts[0], Path.of(parts[2]), parts[3]);
        }
    }

    /** Each round's results, one per side, in the order given. */
    public static List<RunResult[]> run(Path work, int cohort, int warmup, int rounds, String heap, List<Side> sides)
            throws Exception {
        List<Worker> workers = new ArrayList<>();
        try {
            for (Side side : sides) {
                workers.add(new Worker(side, work.resolve("side-" + workers.size()), cohort, warmup, heap));
            }
            List<RunResult[]> results = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Worker worker : workers) {
                    worker.awaitReady();
                }
                System.err.println("== paired round " + round + " of " + rounds + ", cohort " + cohort);
                workers.forEach(Worker::go);
                RunResult[] these = new RunResult[workers.size()];
                StringBuilder line = new StringBuilder("== paired round " + round + ":");
                for (int i = 0; i < these.length; i++) {
                    these[i] = workers.get(i).awaitResult();
                    line.append(String.format(" %s %.0f CPU-s;", sides.get(i).label(), these[i].cpuSeconds()));
                }
                results.add(these);
                System.err.println(line);
            }
            return results;
        } finally {
            for (Worker worker : workers) {
                worker.close();
            }
        }
    }

    /** A worker JVM and what it has said so far. */
    private static final class Worker implements AutoCloseable {

        private final String engine;
        private final Process process;
        private final PrintWriter orders;
        private final BlockingQueue<String> said = new LinkedBlockingQueue<>();

        Worker(Side side, Path work, int cohort, int warmup, String heap) throws IOException {
            this.engine = side.label();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx" + heap,
                    "-Dbench.baselineAsyncSteps=" + Boolean.getBoolean("bench.baselineAsyncSteps")));
            // e.g. -Dbench.workerOptions=-XX:StartFlightRecording=filename=/tmp/{engine}.jfr for a profile of each
            String options = System.getProperty("bench.workerOptions", "")
                    .replace("{engine}", side.engine())
                    .strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.addAll(List.of(
                    "-cp",
                    side.classPath(),
                    RoundWorker.class.getName(),
                    side.engine(),
                    Integer.toString(cohort),
                    Integer.toString(warmup),
                    work.toString()));
            this.process = new ProcessBuilder(command)
                    .directory(side.directory().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            this.orders = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "paired-" + side.label());
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(RoundWorker.MARK)) {
                        said.add(line.substring(RoundWorker.MARK.length()));
                    }
                }
            } catch (IOException e) {
                // the worker is gone; awaiting it reports that
            }
            said.add("gone");
        }

        void awaitReady() throws InterruptedException {
            String line = said.take();
            if (!line.equals("ready")) {
                throw new IllegalStateException("the " + engine + " worker said '" + line + "' instead of ready");
            }
        }

        void go() {
            orders.println("go");
        }

        RunResult awaitResult() throws Exception {
            String line = said.take();
            if (!line.startsWith("result ")) {
                throw new IllegalStateException("the " + engine + " worker said '" + line + "' instead of a result");
            }
            try (ObjectInputStream in = new ObjectInputStream(
                    new java.io.ByteArrayInputStream(Base64.getDecoder().decode(line.substring(7))))) {
                return (RunResult) in.readObject();
            }
        }

        @Override
        public void close() {
            orders.close();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
