package io.trainflow.bench.scenario;

import io.trainflow.bench.baseline.BaselineLifecycle;
import io.trainflow.bench.org.BenchOrganisation;
import io.trainflow.bench.trainflow.TrainflowLifecycle;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Path;

/** One measured run of the scenario on a fresh organisation, database and engine. */
public final class EngineRuns {

    public static final int CLIENT_THREADS = 4;

    private EngineRuns() {}

    public static RunResult trainflow(Path work, int cohort, boolean intakeOnly) {
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        Path dir = work.resolve("trainflow-" + cohort + "-" + System.nanoTime());
        BenchOrganisation org = BenchOrganisation.generate(dir.resolve("org"), cohort, clock);
        try (ClientPool clients = new ClientPool(CLIENT_THREADS);
                TrainflowLifecycle life = new TrainflowLifecycle(
                        new BenchDatabase(dir, "db"), clock, org, SampleLifecycle.bpmnFolder())) {
            Scenario scenario = new Scenario(life, org, cohort, clients);
            return intakeOnly ? scenario.runIntake() : scenario.run();
        } finally {
            delete(dir);
        }
    }

    public static RunResult baseline(Path work, int cohort, boolean intakeOnly) {
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        Path dir = work.resolve("baseline-" + cohort + "-" + System.nanoTime());
        BenchOrganisation org = BenchOrganisation.generate(dir.resolve("org"), cohort, clock);
        try (ClientPool clients = new ClientPool(CLIENT_THREADS);
                BaselineLifecycle life = new BaselineLifecycle(
                        new BenchDatabase(dir, "db"),
                        SampleLifecycle.START,
                        org,
                        SampleLifecycle.bpmnFolder(),
                        work.resolve("baseline-bpmn"))) {
            Scenario scenario = new Scenario(life, org, cohort, clients);
            return intakeOnly ? scenario.runIntake() : scenario.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    /** A run's database and organisation, once it is measured: a 1,000-person run leaves gigabytes of H2 files. */
    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
