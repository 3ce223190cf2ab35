package io.jenkins.plugins.bytebase.core.client;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Removes known secrets (service account secret, tokens, custom header values) from text that leaves the client.
 * Messages are built without secrets in the first place; this is the second line of defence for text the client does
 * not control, such as an error page that echoes a request.
 */
final class Redactor {

    static final String MASK = "****";

    /** Shorter values are too likely to occur by chance in ordinary text to be masked usefully. */
    private static final int MIN_LENGTH = 4;

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
