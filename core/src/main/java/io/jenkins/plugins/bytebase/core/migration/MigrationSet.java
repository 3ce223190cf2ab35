package io.jenkins.plugins.bytebase.core.migration;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The files of one review or release, ordered by version (numerically), with warnings about files left out.
 *
 * @param files the files to send
 * @param warnings one sentence per file left out (for example a name with no version)
 * @param declarative {@code true} for a declarative (state-based) release
 * @param pattern the glob the files were found with; a declarative release names its single file after it
 */
public record MigrationSet(List<MigrationFile> files, List<String> warnings, boolean declarative, String pattern)
        implements Serializable {

    public MigrationSet {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /**
     * The files a release (rollout) sends: the files themselves when versioned; for a declarative set, the single
     * file of {@link #concatenated()} (a review still sends one entry per file, see {@link #files()}).
     */
    public List<MigrationFile> releaseFiles() {
        return declarative && !files.isEmpty() ? List.of(concatenated()) : files;
    }

    /**
     * All files joined by newlines, in order, into one file whose path is the pattern (the first file's path when
     * there is none) and whose version is the set's (declarative) version: how {@code bytebase-action} sends a
     * declarative release.
     *
     * @throws IllegalStateException when the set is empty
     */
    public MigrationFile concatenated() {
        if (files.isEmpty()) {
            throw new IllegalStateException("no migration files to concatenate");
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                joined.write('\n');
            }
            joined.writeBytes(files.get(i).content());
        }
        MigrationFile first = files.get(0);
        String path = pattern == null || pattern.isBlank() ? first.path() : pattern;
        return new MigrationFile(path, first.version(), ChangeType.DDL, joined.toByteArray());
    }
}
