package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.Release.Type}. */
public enum ReleaseType {
    TYPE_UNSPECIFIED,
    VERSIONED,
    DECLARATIVE,
    @JsonEnumDefaultValue
    UNKNOWN
}
