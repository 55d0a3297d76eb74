package io.trainflow.connectors.ai.embedding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One binary file per model and catalogue version under a configurable directory:
 * {@code <dir>/<embedder>/<catalogueVersion>.vec}. Written to a temporary file and moved into place so a
 * crash or a concurrent reader never sees half a file; an unreadable file is a cache miss, not an error.
 */
public final class FileEmbeddingCache implements EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(FileEmbeddingCache.class);
    private static final int MAGIC = 0x54465631; // "TFV1"

    private final Path directory;

    public FileEmbeddingCache(Path directory) {
        this.directory = directory;
    }

    private Path file(String embedder, String catalogueVersion) {
        // both parts are our own hex hashes / model names; reject anything that could walk the file system
        if (!embedder.matches("[A-Za-z0-9._-]+") || !catalogueVersion.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("unsafe cache key " + embedder + "/" + catalogueVersion);
        }
        return directory.resolve(embedder).resolve(catalogueVersion + ".vec");
    }

    @Override
    public Optional<Map<String, float[]>> load(String embedder, String catalogueVersion) {
        Path file = file(embedder, catalogueVersion);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a vector file");
            }
            int count = in.readInt();
            int dimension = in.readInt();
            Map<String, float[]> vectors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                float[] v = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(key, v);
            }
            return Optional.of(vectors);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable embedding cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(String embedder, String catalogueVersion, Map<String, float[]> vectors) {
        Path file = file(embedder, catalogueVersion);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), catalogueVersion, ".tmp");
            int dimension =
                    vectors.values().stream().findFirst().map(v -> v.length).orElse(0);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(vectors.size());
                out.writeInt(dimension);
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    for (float x : e.getValue()) {
                        out.writeFloat(x);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file, e);
        }
    }
}
