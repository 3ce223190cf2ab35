package io.jenkins.plugins.bytebase.sandbox;

/**
 * A request as the sandbox received it.
 *
 * @param method e.g. {@code POST}
 * @param path path and query, e.g. {@code /v1/projects/project-sample/releases?releaseIdTemplate=...}
 * @param body the raw body, or empty
 * @param status the status the sandbox answered, or 0 when it dropped the connection
 */
public record RecordedRequest(String method, String path, String body, int status) {}
