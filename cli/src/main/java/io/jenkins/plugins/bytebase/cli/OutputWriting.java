package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.report.JsonOutputWriter;
import io.jenkins.plugins.bytebase.core.report.OutputFile;

/** The {@code --output} file, written whether the command succeeds or fails (as {@code bytebase-action}). */
final class OutputWriting {

    private OutputWriting() {}

    /** After success: a file that cannot be written fails the command. */
    static void write(CliEnvironment environment, String path, OutputFile content) {
        if (path != null) {
            ReportFiles.write(environment.resolve(path), JsonOutputWriter.toJson(content));
        }
    }

    /** After a failure: the failure's own message matters more, so a write error is only printed. */
    static void writeQuietly(CliEnvironment environment, String path, OutputFile content) {
        try {
            write(environment, path, content);
        } catch (RuntimeException e) {
            environment.err().println("Warning: --output " + path + " not written: " + e.getMessage());
        }
    }
}
