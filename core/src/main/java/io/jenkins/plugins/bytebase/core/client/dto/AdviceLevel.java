package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.Advice.Level}. */
public enum AdviceLevel {
    ADVICE_LEVEL_UNSPECIFIED,
    SUCCESS,
    WARNING,
    ERROR,
    @JsonEnumDefaultValue
    UNKNOWN
}
