package io.jenkins.plugins.bytebase.cli.vcs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments of API addresses built from CI variables. */
final class Paths {

    private Paths() {}

    /** One path segment, percent-encoded (a {@code /} in a value cannot split the path). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A base address without its trailing slashes. */
    static String base(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
