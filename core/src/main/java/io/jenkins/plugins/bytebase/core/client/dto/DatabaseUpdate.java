package io.jenkins.plugins.bytebase.core.client.dto;

/** {@code bytebase.v1.Task.DatabaseUpdate}: the release (or sheet) a migration task applies. */
public record DatabaseUpdate(String release, String sheet) {}
