package io.jenkins.plugins.bytebase.core.migration;

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
}
