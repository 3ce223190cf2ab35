package io.jenkins.plugins.bytebase.core.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Removes known secrets (service account secret, tokens, custom header values) from text that leaves the client.
 * Messages are built without secrets in the first place; this is the second line of defence for text the client does
 * not control, such as an error page that echoes a request.
 *
 * <p>A connection's redactor knows its header values, a token holder's knows its secret and recent tokens; a client
 * scrubs with {@link #combining both}.
 */
final class Redactor {

    static final String MASK = "****";

    /** Shorter values are too likely to occur by chance in ordinary text to be masked usefully. */
    private static final int MIN_LENGTH = 4;

    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private final List<Redactor> others;

    Redactor() {
        this(List.of());
    }

    private Redactor(List<Redactor> others) {
        this.others = others;
    }

    /** A redactor that masks what any of these masks, now and later. */
    static Redactor combining(Redactor... parts) {
        return new Redactor(List.of(parts));
    }

    void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    /** Forgets a value that can no longer be used, such as a token two renewals old. */
    void remove(String secret) {
        if (secret != null) {
            secrets.remove(secret);
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
        for (Redactor other : others) {
            result = other.scrub(result);
        }
        return result;
    }
}
