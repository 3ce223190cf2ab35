package io.jenkins.plugins.bytebase.core.client;

import java.net.http.HttpHeaders;

/**
 * A response as the transport received it.
 *
 * @param body an error answer's text (capped), or for a successful answer only its start, for messages; a successful
 *     body is never held whole as text
 * @param value a successful answer as read by the call's reader, or {@code null}
 * @param unreadable why a successful answer could not be read as the expected JSON, or {@code null}
 */
record HttpResult(int status, HttpHeaders headers, String body, Object value, Exception unreadable) {

    HttpResult(int status, HttpHeaders headers, String body) {
        this(status, headers, body, null, null);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String header(String name) {
        return headers == null ? null : headers.firstValue(name).orElse(null);
    }
}
