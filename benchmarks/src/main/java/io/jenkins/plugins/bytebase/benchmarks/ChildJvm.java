package io.jenkins.plugins.bytebase.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this module in a fresh JVM with the same class path, and collects what it printed. */
final class ChildJvm {

    /**
     * @param exitCode the JVM's exit code, or -1 when it was killed after the time limit
     * @param output its standard output
     */
    record Outcome(int exitCode, List<String> output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ChildJvm() {}

    static Outcome run(List<String> jvmOptions, Class<?> main, List<String> args, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> output = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .forEach(output::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                reader.join();
                return new Outcome(-1, output);
            }
            reader.join();
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + main.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + main.getName() + " ran", e);
        }
    }
}
