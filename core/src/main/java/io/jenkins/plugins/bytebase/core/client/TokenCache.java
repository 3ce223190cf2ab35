package io.jenkins.plugins.bytebase.core.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token holders of one connection, one per set of credentials. They are found by a salted hash of the credentials
 * (SHA-256 of a random salt made for this cache, never kept anywhere else, and the credentials), so that a changed
 * secret gets a holder of its own and logs in, while no map key shows a secret or a hash that could be matched
 * against guessed secrets elsewhere.
 * Holders nobody asked for a token for {@link #IDLE_LIMIT} are dropped, and with them the secret they hold.
 */
final class TokenCache {

    /** Longer than a token's lifetime: a holder in use asks at every call, an unused one is only a secret in memory. */
    static final Duration IDLE_LIMIT = Duration.ofHours(2);

    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, TokenManager> holders = new ConcurrentHashMap<>();

    TokenCache(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** The holder for these credentials, shared with every other client that uses equal ones. */
    TokenManager holder(Credentials credentials) {
        dropIdle();
        TokenManager holder =
                holders.computeIfAbsent(fingerprint(credentials), unused -> new TokenManager(credentials, clock));
        holder.touch();
        return holder;
    }

    /** Forgets every token and secret. */
    void clear() {
        holders.clear();
    }

    /** How many credentials have a holder; for tests. */
    int size() {
        return holders.size();
    }

    private void dropIdle() {
        Instant limit = clock.instant().minus(IDLE_LIMIT);
        holders.values().removeIf(holder -> holder.lastUsed().isBefore(limit));
    }

    String fingerprint(Credentials credentials) {
        String material;
        if (credentials instanceof Credentials.ServiceAccount account) {
            material = "service-account\0" + account.email() + "\0" + account.secret();
        } else {
            material = "access-token\0" + ((Credentials.AccessToken) credentials).token();
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
