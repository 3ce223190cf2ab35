package io.jenkins.plugins.bytebase.core.migration;

import java.time.Clock;
import java.util.List;

/** Applies the file rules of {@code API.md} §5 to files read anywhere. */
public final class MigrationSets {

    private MigrationSets() {}

    /**
     * Versioned mode: version from the file name ({@code ^[vV]?(\d+(\.\d+)*)}), files with no version left out with a
     * warning, duplicate versions, empty and non-UTF-8 files refused before any request.
     */
    public static MigrationSet versioned(List<SourceFile> files, String pattern) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Declarative mode: no naming rules, every file's version is the current time {@code YYYYMMDD.HHMMSS}. */
    public static MigrationSet declarative(List<SourceFile> files, String pattern, Clock clock) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
