package io.jenkins.plugins.bytebase.core.client;

import java.time.Duration;

/**
 * Exponential backoff with jitter for connection failures, 429 and 502/503/504 (reads and checks only).
 *
 * @param maxAttempts attempts in all, including the first
 * @param initialDelay delay before the second attempt
 * @param maxDelay cap of a single delay
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A retry policy needs at least one attempt, got " + maxAttempts);
        }
        if (initialDelay == null || initialDelay.isNegative() || maxDelay == null || maxDelay.isNegative()) {
            throw new IllegalArgumentException("Retry delays must be zero or positive");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("The maximum retry delay must not be below the initial delay");
        }
    }

    /** Three attempts, 1 s doubling up to 30 s, as {@code bytebase-action}. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }
}
