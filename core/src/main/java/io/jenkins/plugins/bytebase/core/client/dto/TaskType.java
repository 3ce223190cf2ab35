package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.Task.Type}. */
public enum TaskType {
    TYPE_UNSPECIFIED,
    GENERAL,
    DATABASE_CREATE,
    DATABASE_MIGRATE,
    @JsonEnumDefaultValue
    UNKNOWN
}
