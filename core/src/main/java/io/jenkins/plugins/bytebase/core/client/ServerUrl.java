package io.jenkins.plugins.bytebase.core.client;

import java.net.URI;
import java.util.Locale;

/** Checks the server URL and brings it to the form {@code scheme://host[:port][/path]} without a trailing slash. */
final class ServerUrl {

    private ServerUrl() {}

    static String normalize(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("The Bytebase URL is missing, e.g. https://bytebase.example.com");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("The Bytebase URL must be an absolute http(s) URL such as"
                    + " https://bytebase.example.com, got '" + withoutUserInfo(url) + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The Bytebase URL must not hold a user name or password: give credentials separately");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("The Bytebase URL must not have a query or fragment, got '" + url + "'");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        String authority = url.getRawAuthority();
        return scheme + "://" + authority + path;
    }

    /** For messages: a URL that is wrong in some way may still carry credentials before the host. */
    private static String withoutUserInfo(URI url) {
        String text = url.toString();
        int at = text.indexOf('@');
        int scheme = text.indexOf("://");
        return at > scheme && scheme >= 0 ? text.substring(0, scheme + 3) + "****" + text.substring(at) : text;
    }
}
