package io.trainflow.workflows.engine.flowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.impl.persistence.entity.DeploymentEntity;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.DeploymentBuilder;

/**
 * Deploys a folder of {@code .bpmn}/{@code .dmn}/{@code .form} files as one deployment. Unchanged files
 * deploy nothing; any change deploys a new version of the set while running instances keep
 * the version they started on. Lint runs first: a broken file deploys nothing at all.
 */
public final class Deployments {

    public static final String DEPLOYMENT_NAME = "trainflow-bpmn";

    private final RepositoryService repository;

    Deployments(RepositoryService repository) {
        this.repository = repository;
    }

    public Optional<Deployment> deployFolder(Path folder) throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Deployments::deployable).sorted().toList()) {
                resources.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return deploy(resources);
    }

    /** Returns the new deployment, or empty when nothing changed since the last one. */
    public synchronized Optional<Deployment> deploy(Map<String, byte[]> resources) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("No .bpmn or .dmn file to deploy");
        }
        DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering();
        resources.forEach(builder::addBytes);
        Deployment deployed = builder.deploy();
        boolean isNew = !(deployed instanceof DeploymentEntity entity) || entity.isNew();
        return isNew ? Optional.of(deployed) : Optional.empty();
    }

    static boolean deployable(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"));
    }
}
