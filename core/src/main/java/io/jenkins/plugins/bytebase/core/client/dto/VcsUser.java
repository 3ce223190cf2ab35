package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code bytebase.v1.VCSUser}: the pull request author, for the server's VCS-user count. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VcsUser(VcsType vcsType, String userId, String userName, String displayName) {}
