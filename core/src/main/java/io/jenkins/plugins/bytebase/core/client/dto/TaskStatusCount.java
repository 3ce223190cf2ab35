package io.jenkins.plugins.bytebase.core.client.dto;

/** {@code bytebase.v1.Plan.TaskStatusCount}. */
public record TaskStatusCount(TaskStatus status, int count) {}
