package io.jenkins.plugins.bytebase.sandbox;

import java.nio.charset.StandardCharsets;

/** A release file with its statement resolved (from the request or from a sheet). */
record ReleaseFile(String path, String version, byte[] statement, String sha256) {

    String sql() {
        return new String(statement, StandardCharsets.UTF_8);
    }
}
