package io.jenkins.plugins.bytebase.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes report files, creating missing directories; a failure names the file. */
final class ReportFiles {

    private ReportFiles() {}

    static void write(Path file, String content) {
        writeOrAppend(file, content, false);
    }

    static void append(Path file, String content) {
        writeOrAppend(file, content, true);
    }

    private static void writeOrAppend(Path file, String content, boolean append) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (append) {
                Files.writeString(
                        file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
