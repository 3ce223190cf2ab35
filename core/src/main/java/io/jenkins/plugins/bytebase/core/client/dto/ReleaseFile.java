package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code bytebase.v1.Release.File}. Requests carry {@code path}, {@code version} and {@code statement} (raw bytes,
 * sent as base64); responses carry {@code sheet} and {@code sheetSha256} instead of the statement.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReleaseFile(String path, String version, byte[] statement, String sheet, String sheetSha256) {

    /** A file as sent in a request. */
    public static ReleaseFile of(String path, String version, byte[] statement) {
        return new ReleaseFile(path, version, statement, null, null);
    }
}
