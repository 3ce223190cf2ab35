package io.jenkins.plugins.bytebase.core.client.dto;

/** {@code bytebase.v1.Position}: 1-based line, column in code points; 0 means unknown. */
public record Position(int line, int column) {}
