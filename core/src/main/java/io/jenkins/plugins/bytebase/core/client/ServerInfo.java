package io.jenkins.plugins.bytebase.core.client;

/**
 * The server's version and whether this client supports it.
 *
 * @param version the version the server reports, e.g. {@code 3.21.1}
 * @param compatibility the verdict
 * @param message a sentence naming both the server's version and the supported window
 */
public record ServerInfo(String version, Compatibility compatibility, String message) {

    public enum Compatibility {
        /** Inside the tested window. */
        SUPPORTED,
        /** Probably works (newer minor, development build, cloud); the message says why it warns. */
        WARNING,
        /** Outside the window: calls would fail or misbehave. */
        UNSUPPORTED
    }

    /** The Bytebase versions this client supports, e.g. {@code 3.15 to 3.21}. */
    public static String supportedVersions() {
        return ServerVersions.WINDOW;
    }
}
