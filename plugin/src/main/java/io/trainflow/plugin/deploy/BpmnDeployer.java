package io.trainflow.plugin.deploy;

import io.trainflow.plugin.cluster.ClusterLock;
import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.workflows.engine.flowable.Deployments;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.lint.LintProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process files at start: the {@code bpmn/} folder when it exists, else the copy
 * packaged in the jar. A set identical to the last deployment deploys nothing. A file the engine
 * refuses never stops start-up: it is refused on its own (file, element id, reason, in the log and
 * in health), its previous version keeps running and the other files deploy. Nodes sharing a database deploy one
 * after the other (a cluster lock), so a change makes one deployment, not one per node.
 */
@Component
public class BpmnDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(BpmnDeployer.class);
    private static final String LOCK = "deploy-bpmn";

    private final TrainflowEngine engine;
    private final Path folder;
    private final ClusterLock cluster;
    private volatile List<LintProblem> refused = List.of();

    public BpmnDeployer(TrainflowEngine engine, TrainflowProperties properties, ClusterLock cluster) {
        this.engine = engine;
        this.folder = Path.of(properties.bpmnDir());
        this.cluster = cluster;
        cluster.runWhenFree(LOCK, Duration.ofMinutes(2), Duration.ofMinutes(3), () -> {
            deployAtStart();
            return null;
        });
    }

    public Path folder() {
        return folder;
    }

    public boolean usesFolder() {
        return Files.isDirectory(folder);
    }

    /** The problems of the files refused by the last deployment (empty: everything runs as written). */
    public List<LintProblem> refused() {
        return refused;
    }

    private void deployAtStart() {
        try {
            if (usesFolder()) {
                report(
                        engine.deployments().deployFolderEach(folder),
                        folder.toAbsolutePath().toString());
            } else {
                report(engine.deployments().deployEach(packaged()), "the processes packaged in trainflow.jar");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read process files: " + e.getMessage(), e);
        }
    }

    /** Deploys the folder again (hot deploy); a file the engine refuses keeps its previous version and is logged. */
    public void redeploy() {
        try {
            cluster.runWhenFree(LOCK, Duration.ofMinutes(2), Duration.ofMinutes(3), () -> {
                try {
                    report(
                            engine.deployments().deployFolderEach(folder),
                            folder.toAbsolutePath().toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Hot deploy failed, running processes are unchanged: {}", e.getMessage());
        }
    }

    private void report(Deployments.Result result, String source) {
        refused = List.copyOf(result.refused());
        if (!refused.isEmpty()) {
            LOG.error(
                    "Refused, their previous versions (if any) keep running:\n{}",
                    refused.stream().map(LintProblem::toString).collect(Collectors.joining("\n")));
        }
        LOG.info(
                result.deployment().isPresent()
                        ? "Deployed a new version of {}"
                        : "Processes in {} unchanged since the last deployment",
                source);
    }

    private static Map<String, byte[]> packaged() throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern :
                new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:bpmn/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    resources.put(resource.getFilename(), in.readAllBytes());
                }
            }
        }
        return resources;
    }
}
