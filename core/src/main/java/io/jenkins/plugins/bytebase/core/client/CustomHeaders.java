package io.jenkins.plugins.bytebase.core.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates extra headers for access proxies (for example Cloudflare Access or an API gateway). Messages name the
 * header, never its value: such values are often secrets themselves.
 */
final class CustomHeaders {

    /** RFC 9110 token characters. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The client sets these itself; a second value would confuse the server. */
    private static final Set<String> OWN = Set.of("authorization", "content-type", "accept");

    /** Java's HTTP client manages these and refuses to send them from callers. */
    private static final Set<String> RESTRICTED =
            Set.of("connection", "content-length", "date", "expect", "from", "host", "upgrade", "via", "warning");

    private CustomHeaders() {}

    static Map<String, String> validate(Map<String, String> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("Custom headers must not be null (use an empty map for none)");
        }
        Map<String, String> valid = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid custom header name '" + printable(name)
                        + "': use letters, digits and - (e.g. X-Proxy-Token)");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization")) {
                throw new IllegalArgumentException("The custom header 'Authorization' is not allowed: the client sends"
                        + " its own from the credentials (give an access token as credentials instead)");
            }
            if (OWN.contains(lower) || RESTRICTED.contains(lower)) {
                throw new IllegalArgumentException(
                        "The custom header '" + name + "' is not allowed: the HTTP client sets it itself");
            }
            String value = header.getValue();
            if (value == null || !isValidValue(value)) {
                throw new IllegalArgumentException("The value of custom header '" + name
                        + "' is empty or holds line breaks or control characters");
            }
            valid.put(name, value.strip());
        }
        return Map.copyOf(valid);
    }

    private static boolean isValidValue(String value) {
        if (value.isBlank()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Header names are not secret, but an invalid one may hold anything, such as {@code "X-Token: value"}: show only
     * what comes before a colon, short and printable.
     */
    private static String printable(String name) {
        if (name == null) {
            return "null";
        }
        int colon = name.indexOf(':');
        String shown = (colon < 0 ? name : name.substring(0, colon)).replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
