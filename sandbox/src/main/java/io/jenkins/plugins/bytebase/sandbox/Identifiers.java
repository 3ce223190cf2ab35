package io.jenkins.plugins.bytebase.sandbox;

import java.util.Locale;

/** PostgreSQL identifiers and the advisor's way of quoting text in its messages. */
final class Identifiers {

    private Identifiers() {}

    /** A name as PostgreSQL stores it: quoted names as written, others folded to lower case. */
    static String normalize(String name) {
        if (name == null) {
            return null;
        }
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code text} in double quotes with Go's {@code %q} escapes, as the advisor formats a statement or a name. */
    static String goQuoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * A statement's text as the advisor quotes it in a message: its lines joined by one space, without the closing
     * semicolon.
     */
    static String statementText(String statement) {
        return String.join(" ", statement.split("\r?\n", -1)).strip();
    }
}
