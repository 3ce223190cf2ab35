package io.jenkins.plugins.bytebase.core.client;

import io.jenkins.plugins.bytebase.core.client.ServerInfo.Compatibility;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window of Bytebase versions this client speaks: from 3.15 (server-made release ids, the rollout as a child of
 * the plan) up to 3.21, the newest it was tested against.
 */
final class ServerVersions {

    static final int MAJOR = 3;
    static final int OLDEST_MINOR = 15;
    static final int NEWEST_TESTED_MINOR = 21;
    static final String WINDOW = MAJOR + "." + OLDEST_MINOR + " to " + MAJOR + "." + NEWEST_TESTED_MINOR;

    private static final Pattern RELEASE = Pattern.compile("[vV]?(\\d+)\\.(\\d+)(?:\\.(\\d+))?([-+].*)?");

    private ServerVersions() {}

    static ServerInfo assess(String reported) {
        String version = reported == null ? "" : reported.trim();
        String lower = version.toLowerCase(Locale.ROOT);
        if (version.isEmpty()) {
            return unsupported(
                    version,
                    "Bytebase did not report its version; this client supports " + WINDOW
                            + ". Check that the URL points at Bytebase");
        }
        if (lower.startsWith("cloud-")) {
            return warning(
                    version,
                    "Bytebase Cloud " + version + " runs the newest API; this client supports " + WINDOW
                            + " and may miss recent changes");
        }
        if (lower.equals("latest") || lower.startsWith("dev") || lower.contains("-dev")) {
            return warning(
                    version,
                    "Bytebase " + version + " is a development build; this client supports " + WINDOW
                            + " and cannot tell which API it speaks");
        }
        Matcher matcher = RELEASE.matcher(version);
        if (!matcher.matches()) {
            return unsupported(
                    version,
                    "Bytebase reports version '" + version + "', which this client cannot read;" + " it supports "
                            + WINDOW);
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major != MAJOR) {
            return unsupported(
                    version, "Bytebase " + version + " is a different major version; this client supports " + WINDOW);
        }
        if (minor < OLDEST_MINOR) {
            return unsupported(
                    version,
                    "Bytebase " + version + " is older than this client supports (" + WINDOW
                            + "): it lacks server-made release ids. Upgrade Bytebase to " + MAJOR + "." + OLDEST_MINOR
                            + " or later");
        }
        if (minor > NEWEST_TESTED_MINOR) {
            return warning(
                    version,
                    "Bytebase " + version + " is newer than the versions this client was tested with (" + WINDOW
                            + "); it will probably work, but report problems naming both versions");
        }
        return new ServerInfo(
                version,
                Compatibility.SUPPORTED,
                "Bytebase " + version + " is supported (this client supports " + WINDOW + ")");
    }

    private static ServerInfo warning(String version, String message) {
        return new ServerInfo(version, Compatibility.WARNING, message);
    }

    private static ServerInfo unsupported(String version, String message) {
        return new ServerInfo(version, Compatibility.UNSUPPORTED, message);
    }
}
