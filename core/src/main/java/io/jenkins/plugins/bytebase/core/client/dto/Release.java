package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code bytebase.v1.Release}. In requests only {@code type}, {@code files}, {@code vcsSource} and {@code category}
 * are set; the server fills {@code name}, {@code creator}, {@code createTime} and {@code state}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Release(
        String name,
        ReleaseType type,
        List<ReleaseFile> files,
        VcsSource vcsSource,
        String category,
        String creator,
        String createTime,
        String state) {

    public Release {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A release as sent in a create or check request. */
    public static Release draft(ReleaseType type, List<ReleaseFile> files, VcsSource vcsSource) {
        return new Release(null, type, files, vcsSource, null, null, null, null);
    }
}
