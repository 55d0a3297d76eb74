package io.trainflow.plugin.deploy;

import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.lint.LintException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process files at start: the {@code bpmn/} folder when it exists, else the copy
 * packaged in the jar. A set identical to the last deployment deploys nothing.
 */
@Component
public class BpmnDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(BpmnDeployer.class);

    private final TrainflowEngine engine;
    private final Path folder;

    public BpmnDeployer(TrainflowEngine engine, TrainflowProperties properties) {
        this.engine = engine;
        this.folder = Path.of(properties.bpmnDir());
        deployAtStart();
    }

    public Path folder() {
        return folder;
    }

    public boolean usesFolder() {
        return Files.isDirectory(folder);
    }

    private void deployAtStart() {
        try {
            if (usesFolder()) {
                report(engine.deployments().deployFolder(folder).isPresent(), folder.toAbsolutePath().toString());
            } else {
                report(engine.deployments().deploy(packaged()).isPresent(), "the processes packaged in trainflow.jar");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read process files: " + e.getMessage(), e);
        }
    }

    /** Deploys the folder again (hot deploy); a file lint rejects deploys nothing and is logged. */
    public void redeploy() {
        try {
            report(engine.deployments().deployFolder(folder).isPresent(), folder.toAbsolutePath().toString());
        } catch (LintException e) {
            LOG.error("Hot deploy refused, running processes are unchanged:\n{}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("Hot deploy failed, running processes are unchanged: {}", e.getMessage());
        }
    }

    private static void report(boolean deployed, String source) {
        LOG.info(deployed ? "Deployed a new version of {}" : "Processes in {} unchanged since the last deployment", source);
    }

    private static Map<String, byte[]> packaged() throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:bpmn/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    resources.put(resource.getFilename(), in.readAllBytes());
                }
            }
        }
        return resources;
    }
}
