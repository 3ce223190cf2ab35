package io.jenkins.plugins.bytebase.sandbox;

/**
 * A request as the sandbox received it.
 *
 * @param method e.g. {@code POST}
 * @param path path and query, e.g. {@code /v1/projects/project-sample/releases?releaseIdTemplate=...}
 * @param body the raw body, or empty
 * @param status the status the sandbox answered, or 0 when it dropped the connection (see {@link Faults})
 * @param clientPort the port at the client's end of the TCP connection the request came on: requests with the same
 *     port came on the same connection, so a test can tell how many connections a client pool used
 */
public record RecordedRequest(String method, String path, String body, int status, int clientPort) {}
