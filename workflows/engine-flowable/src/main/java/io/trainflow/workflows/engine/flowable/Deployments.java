package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.lint.LintException;
import io.trainflow.workflows.lint.LintProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.impl.persistence.entity.DeploymentEntity;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.DeploymentBuilder;

/**
 * Deploys a folder of {@code .bpmn}/{@code .dmn}/{@code .form} files as one deployment. Unchanged files
 * deploy nothing; any change deploys a new version of the set while running instances keep
 * the version they started on. Lint runs first: with {@link #deployFolder} a broken file deploys
 * nothing at all; with {@link #deployEach} a broken file is refused on its own (file, element id,
 * reason), its last deployed version stays in the set, and the other files deploy.
 */
public final class Deployments {

    public static final String DEPLOYMENT_NAME = "trainflow-bpmn";

    private final RepositoryService repository;

    Deployments(RepositoryService repository) {
        this.repository = repository;
    }

    /** All or nothing: any refused file throws (with every problem of that file). */
    public Optional<Deployment> deployFolder(Path folder) throws IOException {
        return deploy(read(folder));
    }

    /** File by file: what the engine refuses is reported, never thrown; the rest deploys. */
    public Result deployFolderEach(Path folder) throws IOException {
        return deployEach(read(folder));
    }

    /** Returns the new deployment, or empty when nothing changed since the last one. */
    public synchronized Optional<Deployment> deploy(Map<String, byte[]> resources) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("No .bpmn or .dmn file to deploy");
        }
        DeploymentBuilder builder =
                repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering();
        resources.forEach(builder::addBytes);
        Deployment deployed = builder.deploy();
        boolean isNew = !(deployed instanceof DeploymentEntity entity) || entity.isNew();
        return isNew ? Optional.of(deployed) : Optional.empty();
    }

    /**
     * Deploys what can be deployed. A refused file is left out (a file never deployed) or replaced by its
     * last deployed version, so the processes it defines keep running as they were; a set whose only
     * change is a refused file deploys nothing new.
     */
    public synchronized Result deployEach(Map<String, byte[]> resources) {
        Map<String, byte[]> remaining = new TreeMap<>(resources);
        Map<String, byte[]> previous = lastDeployed();
        List<LintProblem> refused = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Map<String, byte[]> set = new TreeMap<>(remaining);
            try {
                return new Result(deploy(set), refused);
            } catch (FlowableException e) {
                List<LintProblem> problems = problemsOf(e, set);
                refused.addAll(problems);
                List<String> files = problems.stream()
                        .map(LintProblem::file)
                        .filter(set::containsKey)
                        .distinct()
                        .toList();
                if (files.isEmpty() || files.stream().allMatch(f -> previousIsSame(f, remaining, previous))) {
                    return new Result(Optional.empty(), refused); // nothing left to leave out
                }
                files.forEach(f -> replaceWithPrevious(f, remaining, previous));
            }
        }
        return new Result(Optional.empty(), refused);
    }

    private static List<LintProblem> problemsOf(FlowableException e, Map<String, byte[]> set) {
        if (e instanceof LintException lint) {
            return lint.problems();
        }
        String culprit = culprit(e, set);
        return List.of(new LintProblem(
                culprit == null ? "(deployment)" : culprit, null, "refused by the engine: " + rootMessage(e)));
    }

    private static boolean previousIsSame(String file, Map<String, byte[]> remaining, Map<String, byte[]> previous) {
        return previous.containsKey(file) && Arrays.equals(previous.get(file), remaining.get(file));
    }

    private static void replaceWithPrevious(String file, Map<String, byte[]> remaining, Map<String, byte[]> previous) {
        if (previous.containsKey(file)) {
            remaining.put(file, previous.get(file));
        } else {
            remaining.remove(file);
        }
    }

    /** The engine names a process id or a resource in its reason: the file that defines it. */
    private static String culprit(FlowableException e, Map<String, byte[]> resources) {
        String message = rootMessage(e) + " " + e.getMessage();
        for (String name : resources.keySet()) {
            if (message.contains(name)) {
                return name;
            }
        }
        // the last .bpmn file (in order) naming an id the message quotes: the one deployed after the one it clashes
        // with
        String found = null;
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            if (!resource.getKey().endsWith(".bpmn")) {
                continue;
            }
            for (String process : ZeebeModelReader.processIds(resource.getValue())) {
                if (message.contains("'" + process + "'")) {
                    found = resource.getKey();
                }
            }
        }
        return found;
    }

    private Map<String, byte[]> lastDeployed() {
        Map<String, byte[]> resources = new TreeMap<>();
        Deployment last = repository
                .createDeploymentQuery()
                .deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElse(null);
        if (last != null) {
            for (String name : repository.getDeploymentResourceNames(last.getId())) {
                try (InputStream in = repository.getResourceAsStream(last.getId(), name)) {
                    resources.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return resources;
    }

    private static Map<String, byte[]> read(Path folder) throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Deployments::deployable).sorted().toList()) {
                resources.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return resources;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static boolean deployable(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"));
    }

    /** What a deployment did: the new deployment (empty: nothing changed) and the problems of each refused file. */
    public record Result(Optional<Deployment> deployment, List<LintProblem> refused) {}
}
