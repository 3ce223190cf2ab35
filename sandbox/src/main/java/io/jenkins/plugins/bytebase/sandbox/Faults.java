package io.jenkins.plugins.bytebase.sandbox;

import java.time.Duration;

/** Faults on demand. Each applies to the next matching requests, then wears off; {@link #clear()} removes all. */
public final class Faults {

    Faults() {}

    /** Delays every answer by this much until cleared. */
    public Faults latency(Duration delay) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The next {@code count} requests (login excluded) get this status with the server's error JSON. */
    public Faults failNext(int count, int status) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The next {@code count} requests (login excluded) get 429 with {@code Retry-After: seconds}. */
    public Faults rateLimitNext(int count, int retryAfterSeconds) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The next {@code count} requests are read, then the connection is closed without an answer. */
    public Faults dropNext(int count) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The next {@code count} requests (login excluded) get a 200 whose body is not valid JSON. */
    public Faults malformedJsonNext(int count) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Rollout and task statuses are sent as this unknown enum name until cleared, e.g. {@code "PAUSED"}. */
    public Faults unknownTaskStatus(String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Every token issued so far is expired now. */
    public Faults expireTokens() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Faults clear() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
