package io.trainflow.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 13: the database file and exported files are readable by their owner only. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void theDatabaseFolderAndItsFilesBecomeTheOwnersOnly() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(
                data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = Files.writeString(data.resolve("trainflow.mv.db"), "personal data");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.h2Folder("jdbc:h2:file:" + data.resolve("trainflow") + ";DB_CLOSE_DELAY=-1")
                .ifPresent(PrivateFiles::restrict);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
                .isEqualTo("rw-------");
    }

    @Test
    void anExportFolderIsCreatedPrivate() throws Exception {
        Path exports = dir.resolve("quiz-exports");
        PrivateFiles.restrict(exports);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exports)))
                .isEqualTo("rwx------");
        assertThat(PrivateFiles.h2Folder("jdbc:h2:mem:x")).isEmpty();
        assertThat(PrivateFiles.h2Folder("jdbc:postgresql://db/trainflow")).isEmpty();
    }
}
