package io.jenkins.plugins.bytebase.core.client;

import java.nio.charset.StandardCharsets;

/**
 * One request to the API.
 *
 * @param method {@code GET} or {@code POST}
 * @param path path and query below the server URL, e.g. {@code /v1/projects/hr/plans}
 * @param body JSON body, or {@code null} for none; written when sent (see {@link RequestBody}), so that a large release
 *     is not held as bytes for the whole exchange
 * @param idempotent whether repeating the request after it reached the server does no harm (reads and
 *     {@code releases:check}); creates and batch runs are not
 * @param subject what the request is about, for messages, e.g. {@code plan projects/hr/plans/12}
 */
record ApiCall(String method, String path, RequestBody body, boolean idempotent, String subject) {

    static ApiCall get(String path, String subject) {
        return new ApiCall("GET", path, null, true, subject);
    }

    static ApiCall idempotentPost(String path, RequestBody body, String subject) {
        return new ApiCall("POST", path, body, true, subject);
    }

    static ApiCall post(String path, String body, String subject) {
        return post(path, body == null ? null : RequestBody.of(body.getBytes(StandardCharsets.UTF_8)), subject);
    }

    static ApiCall post(String path, RequestBody body, String subject) {
        return new ApiCall("POST", path, body, false, subject);
    }

    /** For messages and logs: method and path, never a body (a login body holds the secret). */
    String describe() {
        int query = path.indexOf('?');
        return method + " " + (query < 0 ? path : path.substring(0, query));
    }

    @Override
    public String toString() {
        return describe();
    }
}
