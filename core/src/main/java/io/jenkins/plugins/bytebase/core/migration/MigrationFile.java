package io.jenkins.plugins.bytebase.core.migration;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One migration file that passed every rule.
 *
 * @param path path relative to the search root, with {@code /} separators
 * @param version dot-separated unsigned integers, e.g. {@code 1.0.0}
 * @param changeType from the file name
 * @param content the file's UTF-8 bytes: the {@link SourceFile}'s array itself, shared (not copied) with the release
 *     request, so a set of thousands of files is held once; nobody may modify it after reading the file
 */
public record MigrationFile(String path, String version, ChangeType changeType, byte[] content)
        implements Serializable {

    public String statement() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
