package io.jenkins.plugins.bytebase.config;

import hudson.ProxyConfiguration;
import hudson.util.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What tells one set of Jenkins proxy settings from another, for deciding whether a shared connection must be made
 * anew: host, port, user and no-proxy hosts, and a digest of the password (never the password itself).
 */
final class ProxyIdentity {

    private ProxyIdentity() {}

    /** @param proxy the Jenkins proxy settings, or {@code null} when there are none */
    static String of(ProxyConfiguration proxy) {
        if (proxy == null || proxy.getName() == null) {
            return "no proxy";
        }
        return "proxy " + proxy.getName() + ":" + proxy.getPort()
                + "\nuser " + nullToEmpty(proxy.getUserName())
                + "\nno proxy for " + nullToEmpty(proxy.getNoProxyHost())
                + "\npassword sha-256 " + digest(Secret.toString(proxy.getSecretPassword()));
    }

    private static String digest(String password) {
        if (password.isEmpty()) {
            return "";
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
