package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.Advice.RuleType}. */
public enum RuleType {
    RULE_TYPE_UNSPECIFIED,
    PARSER_BASED,
    AI_POWERED,
    @JsonEnumDefaultValue
    UNKNOWN
}
