package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.migration.MigrationFileFinder;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.migration.SourceFile;
import java.nio.file.Path;
import java.util.List;

/** Reads the migration files and applies the file rules before any request, printing what it left out. */
final class MigrationLoader {

    private MigrationLoader() {}

    static MigrationSet load(Path root, String pattern, boolean declarative, CliEnvironment environment) {
        List<SourceFile> files = MigrationFileFinder.find(root, pattern, MigrationFileFinder.DEFAULT_MAX_FILE_BYTES);
        MigrationSet migrations = declarative
                ? MigrationSets.declarative(files, pattern, environment.clock())
                : MigrationSets.versioned(files, pattern);
        for (String warning : migrations.warnings()) {
            environment.err().println("Warning: " + warning);
        }
        environment
                .err()
                .println("Found " + plural(migrations.files().size(), "migration file") + " matching '" + pattern
                        + "' under " + root + (declarative ? " (declarative)" : ""));
        return migrations;
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
