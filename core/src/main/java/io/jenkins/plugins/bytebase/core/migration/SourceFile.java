package io.jenkins.plugins.bytebase.core.migration;

import java.io.Serializable;

/**
 * A file as read from disk, before any rule is applied. Serializable so that a front end can read files where they
 * are (a Jenkins agent) and build the {@link MigrationSet} elsewhere.
 *
 * @param path path relative to the search root, with {@code /} separators
 * @param content the file's bytes
 */
public record SourceFile(String path, byte[] content) implements Serializable {}
