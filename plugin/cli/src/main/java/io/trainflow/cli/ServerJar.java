package io.trainflow.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Where the server jar is (TRAINFLOW_JAR, else beside this jar, else the build's plugin/target), and running it. */
final class ServerJar {

    private final Path jar;

    private ServerJar(Path jar) {
        this.jar = jar;
    }

    static ServerJar locate(Function<String, String> env) {
        String configured = env.apply("TRAINFLOW_JAR");
        if (configured != null && !configured.isBlank()) {
            return new ServerJar(Path.of(configured.strip()));
        }
        Path here = ownJar();
        List<Path> candidates = new ArrayList<>();
        if (here != null) {
            candidates.add(here.resolveSibling("trainflow.jar"));
            // the build's layout: plugin/cli/target/trainflow-cli.jar beside plugin/target/trainflow.jar
            candidates.add(
                    here.getParent().resolve("../../target/trainflow.jar").normalize());
        }
        return new ServerJar(candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(candidates.isEmpty() ? Path.of("trainflow.jar") : candidates.get(0)));
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(ServerJar.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) ? location.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    Path path() {
        return jar;
    }

    int run(String command, List<String> args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            System.err.println("'" + command + "' runs in the server jar, and there is none at " + jar
                    + ". Build it (mvn -B -q package -DskipTests) or set TRAINFLOW_JAR to its path.");
            return 2;
        }
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), command));
        line.addAll(args);
        return new ProcessBuilder(line).inheritIO().start().waitFor();
    }
}
