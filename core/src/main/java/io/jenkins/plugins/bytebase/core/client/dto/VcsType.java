package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.VCSType}. There is no Jenkins value: releases built elsewhere carry no VCS source. */
public enum VcsType {
    VCS_TYPE_UNSPECIFIED,
    GITHUB,
    GITLAB,
    BITBUCKET,
    AZURE_DEVOPS,
    @JsonEnumDefaultValue
    UNKNOWN
}
