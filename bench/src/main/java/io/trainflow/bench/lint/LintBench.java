package io.trainflow.bench.lint;

import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.lint.LintProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trainflow lint bpmn/} timed. Cold: a new JVM (this class's {@link #main}) that builds the
 * linter as LintCommand does and lints once; reported are the lint itself and the whole process.
 * Warm: the same call repeated in an already warm JVM.
 */
public final class LintBench {

    public record Result(double coldLintMillis, double coldProcessMillis, double warmMillis, int problems) {}

    private LintBench() {}

    /** Builds the linter exactly as LintCommand does and lints the folder; returns the problems. */
    static List<LintProblem> lint(Path folder) throws Exception {
        BpmnLinter linter = new BpmnLinter(StepHandlers.taskTypes(), new Feel());
        return new ArrayList<>(linter.lintPath(folder));
    }

    public static Result run(Path folder) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LintBench.class.getName(),
                        folder.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        int exit = process.waitFor();
        double processMillis = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("cold lint failed: " + out);
        }
        String[] parts = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        double coldMillis = Double.parseDouble(parts[0]);
        int problems = Integer.parseInt(parts[1]);
        for (int i = 0; i < 20; i++) {
            lint(folder);
        }
        int rounds = 50;
        long warm = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            lint(folder);
        }
        return new Result(coldMillis, processMillis, (System.nanoTime() - warm) / 1e6 / rounds, problems);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Cold run in a fresh JVM: prints "millis problems". */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<LintProblem> problems = lint(Path.of(args[0]));
        System.out.println((System.nanoTime() - start) / 1e6 + " " + problems.size());
    }
}
