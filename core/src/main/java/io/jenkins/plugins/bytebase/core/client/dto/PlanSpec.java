package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code bytebase.v1.Plan.Spec} with its {@code changeDatabaseConfig} branch (the only one GitOps uses). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PlanSpec(String id, ChangeDatabaseConfig changeDatabaseConfig) {}
