package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code POST /v1/projects/{p}/releases:check} (the request minus {@code parent}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckReleaseRequest(Release release, List<String> targets, String customRules, VcsUser vcsUser) {

    public CheckReleaseRequest {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
