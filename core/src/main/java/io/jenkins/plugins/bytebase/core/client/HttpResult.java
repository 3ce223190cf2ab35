package io.jenkins.plugins.bytebase.core.client;

import java.net.http.HttpHeaders;

/** A response as the transport received it. */
record HttpResult(int status, HttpHeaders headers, String body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String header(String name) {
        return headers == null ? null : headers.firstValue(name).orElse(null);
    }
}
