package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Deploys the models folder ({@code bpmn/}: processes, decisions, forms) to the cluster in one deployment, at start
 * and whenever its content changes. Unchanged content is not sent again (Zeebe would keep the versions anyway, but a
 * deployment per poll is noise in Operate).
 */
public final class CamundaDeployer {

    private static final List<String> KINDS = List.of(".bpmn", ".dmn", ".form");

    private final CamundaClient client;
    private final Path folder;
    private String deployedDigest;

    public CamundaDeployer(CamundaClient client, Path folder) {
        this.client = client;
        this.folder = folder;
    }

    /** Deploys when the folder differs from what this node deployed last; the deployment's key, or empty if unchanged. */
    public synchronized Optional<Long> deployIfChanged() {
        List<Path> files = models();
        if (files.isEmpty()) {
            throw new IllegalStateException("No .bpmn, .dmn or .form file in " + folder.toAbsolutePath());
        }
        String digest = digest(files);
        if (digest.equals(deployedDigest)) {
            return Optional.empty();
        }
        DeployResourceCommandStep1 command = client.newDeployResourceCommand();
        DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
        for (Path file : files) {
            byte[] content = read(file);
            String name = file.getFileName().toString();
            step = step == null ? command.addResourceBytes(content, name) : step.addResourceBytes(content, name);
        }
        DeploymentEvent deployed = step.send().join();
        deployedDigest = digest;
        return Optional.of(deployed.getKey());
    }

    private List<Path> models() {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> KINDS.stream()
                            .anyMatch(kind -> p.getFileName().toString().endsWith(kind)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models folder " + folder.toAbsolutePath(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static String digest(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(read(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
