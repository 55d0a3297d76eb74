package io.trainflow.connectors.ai.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's libraries are copied once into a cache, not into a new temporary folder at every start. */
class OrtNativesTest {

    private String configured;

    @BeforeEach
    void onAPlatformTrainflowShips() {
        assumeTrue(OrtNatives.platform() != null, "ONNX Runtime's libraries ship for linux x64 and aarch64 only");
        configured = System.clearProperty(OrtNatives.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (configured != null) {
            System.setProperty(OrtNatives.PROPERTY, configured);
        } else {
            System.clearProperty(OrtNatives.PROPERTY);
        }
    }

    @Test
    void copiesTheLibrariesOnceAndReplacesACopyOfAnotherVersion(@TempDir Path cache) throws Exception {
        OrtNatives.install(cache);

        Path folder = cache.resolve("onnxruntime-" + OrtNatives.platform());
        assertThat(System.getProperty(OrtNatives.PROPERTY)).isEqualTo(folder.toString());
        Path runtime = folder.resolve("libonnxruntime.so");
        Path jni = folder.resolve("libonnxruntime4j_jni.so");
        long size = Files.size(runtime);
        assertThat(size).isGreaterThan(1_000_000);
        assertThat(Files.size(jni)).isGreaterThan(10_000);

        // the next start finds the copies and leaves them alone
        FileTime marked = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(runtime, marked);
        System.clearProperty(OrtNatives.PROPERTY);
        OrtNatives.install(cache);
        assertThat(Files.getLastModifiedTime(runtime)).isEqualTo(marked);

        // a copy of another version (another size) is replaced, and no part file is left behind
        Files.write(jni, new byte[] {1, 2, 3});
        System.clearProperty(OrtNatives.PROPERTY);
        OrtNatives.install(cache);
        assertThat(Files.size(jni)).isGreaterThan(10_000);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("libonnxruntime.so", "libonnxruntime4j_jni.so");
        }
    }

    @Test
    void aConfiguredPathIsLeftAlone(@TempDir Path cache) {
        System.setProperty(OrtNatives.PROPERTY, "/opt/onnxruntime/lib");
        OrtNatives.install(cache);
        assertThat(System.getProperty(OrtNatives.PROPERTY)).isEqualTo("/opt/onnxruntime/lib");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesOnnxRuntimeToItsOwnCopy(@TempDir Path cache) throws Exception {
        Path notAFolder = Files.writeString(cache.resolve("file"), "in the way");
        OrtNatives.install(notAFolder);
        assertThat(System.getProperty(OrtNatives.PROPERTY)).isNull();
    }
}
