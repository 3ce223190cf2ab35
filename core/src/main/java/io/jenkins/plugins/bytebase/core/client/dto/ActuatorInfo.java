package io.jenkins.plugins.bytebase.core.client.dto;

/** The part of {@code bytebase.v1.ActuatorInfo} the client reads. */
public record ActuatorInfo(String version, String gitCommit, String workspace, String externalUrl) {}
