package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.RiskLevel}. */
public enum RiskLevel {
    RISK_LEVEL_UNSPECIFIED,
    LOW,
    MODERATE,
    HIGH,
    @JsonEnumDefaultValue
    UNKNOWN
}
