package io.jenkins.plugins.bytebase.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands see of the outside world, so that tests can run them in-process.
 *
 * @param variables the environment variables
 * @param out where results go (annotations, findings)
 * @param err where progress and errors go
 * @param workingDirectory the root of relative paths: file patterns, {@code --output}, report files
 * @param clock for elapsed time and declarative versions
 * @param cancelOnShutdown whether a waiting rollout cancels its task runs when the JVM is stopped (SIGINT, SIGTERM)
 */
public record CliEnvironment(
        Map<String, String> variables,
        PrintStream out,
        PrintStream err,
        Path workingDirectory,
        Clock clock,
        boolean cancelOnShutdown) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The real process: its environment, standard streams and current directory. */
    public static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(), System.out, System.err, Path.of("").toAbsolutePath(), Clock.systemUTC(), true);
    }

    /** A variable's value, or {@code null} when unset or blank. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A path as the user typed it, resolved against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
