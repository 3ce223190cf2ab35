package io.jenkins.plugins.bytebase.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Migration directories for tests: the tutorials' examples, and the variant whose review passes. */
final class Workspaces {

    /** The repository's {@code examples/migrations}, wherever the build runs from. */
    static final Path EXAMPLES = locateExamples();

    static final String NOT_NULL_T1 = "CREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT NOT NULL);\n";

    private Workspaces() {}

    /** Copies the tutorials' two files into {@code root/migrations}. */
    static Path withExamples(Path root) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("migrations"));
        try (var files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, migrations.resolve(file.getFileName().toString()));
            }
        }
        return root;
    }

    /** Only the t1 file, with a NOT NULL column. */
    static Path withNotNullT1(Path root) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("migrations"));
        Files.writeString(migrations.resolve("1.0.0_create_t1.sql"), NOT_NULL_T1);
        return root;
    }

    private static Path locateExamples() {
        String configured = System.getProperty("examples.dir");
        if (configured != null) {
            return Path.of(configured, "migrations").toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/migrations");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "examples/migrations not found above " + Path.of("").toAbsolutePath());
    }
}
