package io.jenkins.plugins.bytebase.core.migration;

import java.io.Serializable;

/**
 * A file as read from disk, before any rule is applied. Serializable so that a front end can read files where they
 * are (a Jenkins agent) and build the {@link MigrationSet} elsewhere.
 *
 * @param path path relative to the search root, with {@code /} separators
 * @param content the file's bytes; shared, not copied, by the migration set and the request built from it, so it
 *     must not be modified once the file is read
 */
public record SourceFile(String path, byte[] content) implements Serializable {}
