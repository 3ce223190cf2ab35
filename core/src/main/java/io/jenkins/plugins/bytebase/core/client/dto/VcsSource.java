package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code bytebase.v1.Release.VCSSource}: where the release's files came from. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VcsSource(VcsType vcsType, String url) {}
