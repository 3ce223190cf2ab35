package io.jenkins.plugins.bytebase.core.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds migration files under a root by a doublestar glob ({@code *}, {@code **}, {@code ?}) and reads them, sorted
 * by path. Refuses symlinks and paths that lead outside the root, and files over the size limit.
 */
public final class MigrationFileFinder {

    /** Default size limit of one file: 10 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    private MigrationFileFinder() {}

    /**
     * @throws MigrationException when nothing matches (naming root and pattern) or a file breaks a rule
     */
    public static List<SourceFile> find(Path root, String pattern, long maxFileBytes) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
