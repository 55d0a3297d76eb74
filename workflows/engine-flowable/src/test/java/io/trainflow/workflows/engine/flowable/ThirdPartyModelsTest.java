package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.lint.LintProblem;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measure of issue 16: of real Camunda 8 models written by others (camunda8/third-party/SOURCES.tsv) that
 * Camunda's own linter accepts, the share Trainflow deploys and runs to their end once every task type has a
 * stand-in handler (user tasks completed with the listed variables, time moved on to each next timer). And,
 * for each, lint never accepts what the engine then refuses. The models are others' work and are not kept in this
 * repository: the test runs when {@code -Dtrainflow.thirdPartyModels} names a folder holding them, and Camunda's
 * linter is installed ({@code tools/camunda-lint}, npm ci).
 */
class ThirdPartyModelsTest {

    private static final Pattern TASK_TYPE = Pattern.compile("taskDefinition\\s+type=\"([^\"=][^\"]*)\"");
    private static final Pattern PROCESS =
            Pattern.compile("<(?:bpmn:)?process\\s+id=\"([^\"]+)\"[^>]*isExecutable=\"true\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The longest single move of the clock. */
    private static final Duration STEP = Duration.ofHours(1);

    record Source(
            String file, String repository, String path, Map<String, Object> start, Map<String, Object> complete) {}

    record Verdict(
            String file,
            boolean camundaAccepts,
            List<LintProblem> trainflowLint,
            List<LintProblem> refused,
            String run) {

        boolean ran() {
            return camundaAccepts && trainflowLint.isEmpty() && refused.isEmpty() && "ended".equals(run);
        }
    }

    @Test
    void atLeastNineInTenOfTheModelsCamundasLinterAcceptsRunAndLintNeverAcceptsWhatTheEngineRefuses(@TempDir Path work)
            throws Exception {
        String folder = System.getProperty("trainflow.thirdPartyModels");
        assumeTrue(folder != null && Files.isDirectory(Path.of(folder)), "no -Dtrainflow.thirdPartyModels folder");
        assumeTrue(
                Files.isDirectory(Path.of("../../tools/camunda-lint/node_modules")),
                "Camunda's linter is not installed");

        List<Verdict> verdicts = new ArrayList<>();
        for (Source source : sources()) {
            Path model = Path.of(folder, source.file());
            if (Files.exists(model)) {
                verdicts.add(measure(model, source, work));
            }
        }
        List<Verdict> accepted =
                verdicts.stream().filter(Verdict::camundaAccepts).toList();
        long ran = accepted.stream().filter(Verdict::ran).count();
        System.out.printf(
                "third-party models: %d found, %d accepted by Camunda's linter, %d of those run on Trainflow%n",
                verdicts.size(), accepted.size(), ran);
        verdicts.forEach(v -> System.out.printf(
                "  %-34s camunda lint %s; trainflow lint %s; engine %s; run: %s%n",
                v.file(),
                v.camundaAccepts() ? "accepts" : "refuses",
                v.trainflowLint().isEmpty() ? "accepts" : v.trainflowLint(),
                v.refused().isEmpty() ? "deploys" : v.refused(),
                v.run()));

        assertThat(verdicts)
                .as("lint never accepts what the engine refuses")
                .allSatisfy(v -> assertThat(
                                v.refused().isEmpty() || !v.trainflowLint().isEmpty())
                        .isTrue());
        assertThat(accepted).isNotEmpty();
        assertThat(ran * 10).as(ran + " of " + accepted.size() + " run").isGreaterThanOrEqualTo(accepted.size() * 9L);
    }

    private Verdict measure(Path model, Source source, Path work) throws Exception {
        String xml = Files.readString(model);
        boolean camunda = camundaLintAccepts(model);
        Path alone = Files.createDirectories(work.resolve(source.file().replace(".bpmn", "")));
        Files.copy(model, alone.resolve(source.file()));
        try (Camunda8Engine c8 = new Camunda8Engine(stubs(xml))) {
            List<LintProblem> lint = c8.engine.linter().lintPath(alone).stream()
                    .filter(LintProblem::refuses)
                    .toList();
            List<LintProblem> refused =
                    c8.engine.deployments().deployFolderEach(alone).refused();
            if (!lint.isEmpty() || !refused.isEmpty()) {
                return new Verdict(source.file(), camunda, lint, refused, "not deployed");
            }
            List<String> runs = new ArrayList<>();
            Matcher processes = PROCESS.matcher(xml);
            while (processes.find()) {
                runs.add(run(c8, processes.group(1), source));
            }
            return new Verdict(
                    source.file(),
                    camunda,
                    lint,
                    refused,
                    runs.stream().allMatch("ended"::equals) ? "ended" : String.join(", ", runs));
        }
    }

    /** Starts the process and drives it: stand-in handlers run, user tasks are completed, time moves on. */
    private static String run(Camunda8Engine c8, String processId, Source source) {
        ProcessInstance instance;
        try {
            instance = c8.start(processId, source.start());
        } catch (RuntimeException e) {
            return processId + " did not start: " + e.getMessage();
        }
        UserTasks tasks = new UserTasks(c8.flowable, user -> Set.of(UserTaskDefaults.DEFAULT_GROUP));
        for (int round = 0; round < 200 && !c8.ended(instance); round++) {
            var incident = c8.flowable
                    .getManagementService()
                    .createDeadLetterJobQuery()
                    .processInstanceId(instance.getId())
                    .list();
            if (!incident.isEmpty()) {
                return processId + " incident: " + incident.get(0).getExceptionMessage();
            }
            for (Task task : c8.flowable
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instance.getId())
                    .list()) {
                try {
                    tasks.complete(
                            task.getAssignee() != null ? task.getAssignee() : "lena", task.getId(), source.complete());
                } catch (RuntimeException refused) {
                    return processId + " user task " + task.getTaskDefinitionKey() + " not completed: "
                            + refused.getMessage();
                }
            }
            // on to the next timer of the instance (one clock step per round, so nothing due is skipped)
            var next = c8.flowable
                    .getManagementService()
                    .createTimerJobQuery()
                    .processInstanceId(instance.getId())
                    .orderByJobDuedate()
                    .asc()
                    .listPage(0, 1);
            if (next.isEmpty()) {
                c8.run();
                if (c8.flowable
                                .getTaskService()
                                .createTaskQuery()
                                .processInstanceId(instance.getId())
                                .count()
                        == 0) {
                    break; // waits for something only the outside world sends
                }
                continue;
            }
            c8.run();
            Duration until = Duration.between(
                    c8.engine.clock().instant(), next.get(0).getDuedate().toInstant());
            c8.advance(
                    until.isNegative()
                            ? Duration.ofSeconds(1)
                            : until.compareTo(STEP) > 0 ? STEP : until.plusSeconds(1));
        }
        return c8.ended(instance) ? "ended" : processId + " waits at " + c8.path(instance);
    }

    private static boolean camundaLintAccepts(Path model) throws IOException, InterruptedException {
        Process lint = new ProcessBuilder(
                        "node",
                        "--import",
                        "./loader.mjs",
                        "lint.mjs",
                        model.toAbsolutePath().toString())
                .directory(Path.of("../../tools/camunda-lint").toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = lint.waitFor();
        assertThat(exit).as(output).isIn(0, 1);
        return exit == 0;
    }

    /** A stand-in handler for every job type the model names: it completes the job with no output. */
    private static HandlerRegistry stubs(String xml) {
        Set<String> types = new LinkedHashSet<>();
        Matcher m = TASK_TYPE.matcher(xml);
        while (m.find()) {
            types.add(m.group(1));
        }
        List<RegisteredHandler> handlers = new ArrayList<>();
        StepHandler<Map<String, Object>, Map<String, Object>> nothing = input -> Map.of();
        types.forEach(
                type -> handlers.add(new RegisteredHandler(type, new StandIn(type), nothing, Map.class, Map.class)));
        return HandlerRegistry.of(handlers);
    }

    private static List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/camunda8/third-party/SOURCES.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            sources.add(new Source(f[0], f[1], f[2], map(f[4]), map(f[5])));
        }
        return sources;
    }

    private static Map<String, Object> map(String json) {
        return new LinkedHashMap<>(JSON.readValue(json, new TypeReference<Map<String, Object>>() {}));
    }

    /** The @TaskType of a stand-in handler. */
    @SuppressWarnings("ClassExplicitlyAnnotation")
    private record StandIn(String value) implements TaskType {

        public String name() {
            return value;
        }

        public String description() {
            return "stand-in";
        }

        public String group() {
            return "third-party";
        }

        public int retries() {
            return 1;
        }

        public String[] errors() {
            return new String[0];
        }

        public Class<? extends Annotation> annotationType() {
            return TaskType.class;
        }
    }
}
