package io.trainflow.plugin.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The database file, the exported quizzes and the AI cache are the owner's only: each folder {@code rwx------},
 * each file in it {@code rw-------} (finding 13: the H2 file was world-readable). A folder nobody else may
 * enter also covers the files H2 and the exporters create later, whatever the umask.
 */
@Component
public class PrivateFiles {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    public PrivateFiles(@Value("${spring.datasource.url:}") String databaseUrl, AiProperties ai) {
        h2Folder(databaseUrl).ifPresent(PrivateFiles::restrict);
        restrict(Path.of(ai.quizExportDir()));
        restrict(Path.of(ai.cacheDir()));
    }

    /** The folder of an H2 file database ({@code jdbc:h2:file:./data/trainflow;...}), if that is the database. */
    static java.util.Optional<Path> h2Folder(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return java.util.Optional.ofNullable(parent);
    }

    /** Creates the folder if needed and makes it and its files the owner's only (POSIX file systems). */
    static void restrict(Path folder) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, FOLDER);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path path : files.toList()) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder + " private to its owner: " + e.getMessage(), e);
        }
    }
}
