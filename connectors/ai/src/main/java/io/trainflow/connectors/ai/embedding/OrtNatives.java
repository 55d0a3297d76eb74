package io.trainflow.connectors.ai.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ONNX Runtime loads its native libraries from. Left alone, it copies them (16 MB on linux x64) into a new
 * {@code /tmp/onnxruntime-java*} folder at every start and leaves the folder there: a machine that restarts the server
 * or runs the tests filled its disk with them. Here they are copied once per user into a cache folder and loaded from
 * there ({@code onnxruntime.native.path}); a copy whose size differs from the one in the jar (another ONNX Runtime
 * version) is replaced, by a rename, so a server starting at the same time never loads a half-written file.
 */
final class OrtNatives {

    static final String PROPERTY = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
    private static final Logger LOG = LoggerFactory.getLogger(OrtNatives.class);

    private OrtNatives() {}

    /**
     * Points ONNX Runtime at the cached copies in {@code cache}, unless a path is configured already, this is not a
     * platform whose libraries are in the jar, or the folder cannot be written (then ONNX Runtime copies as before).
     */
    static synchronized void install(Path cache) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        String platform = platform();
        if (platform == null) {
            return;
        }
        Path folder = cache.resolve("onnxruntime-" + platform);
        try {
            for (String library : LIBRARIES) {
                copy("/ai/onnxruntime/native/" + platform + "/" + library, folder.resolve(library));
            }
            System.setProperty(PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "ONNX Runtime's libraries could not be cached in {} ({}): it copies them to a temporary folder",
                    folder,
                    e.toString());
        }
    }

    /** The user's cache folder: {@code XDG_CACHE_HOME}, else {@code ~/.cache}, then {@code trainflow}. */
    static Path userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("trainflow");
    }

    /** ONNX Runtime's folder name for this machine, if Trainflow ships its libraries (linux x64 and aarch64). */
    static String platform() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64" -> "linux-aarch64";
            default -> null;
        };
    }

    private static void copy(String resource, Path target) throws IOException {
        URL url = OrtNatives.class.getResource(resource);
        if (url == null) {
            throw new IOException("no " + resource + " on the class path");
        }
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path part =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
