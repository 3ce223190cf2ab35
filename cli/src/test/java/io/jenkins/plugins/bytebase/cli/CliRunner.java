package io.jenkins.plugins.bytebase.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in this process with a given environment and captures what it prints. */
final class CliRunner {

    private final Map<String, String> variables = new HashMap<>();
    private final Path workingDirectory;

    CliRunner(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    CliRunner env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(
                variables,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                workingDirectory,
                Clock.systemUTC(),
                false);
        int exit = BytebaseGitops.run(environment, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
