package io.jenkins.plugins.bytebase.core.rollout;

import java.time.Duration;

/**
 * When to poll next: start at {@code initial}, grow by half while the stage runs, never beyond {@code cap}, and back to
 * {@code initial} only when a stage is started. With the defaults (0.5 s to 5 s) that is seven quick polls over the
 * first 15 s of a stage, so a short stage is noticed within about a second, then one poll every 5 s, so a long wait
 * costs 12 requests a minute. A task that merely changes status (PENDING to RUNNING, say) does not bring the quick
 * polls back: with many tasks that would keep the cadence at its fastest.
 *
 * <p>The same shape, with other bounds, spaces the polls while Bytebase cannot be reached ({@link #outages()}).
 *
 * @param initial first delay, e.g. 0.5 s
 * @param cap longest delay, e.g. 5 s (the fixed interval of {@code bytebase-action})
 */
public record PollBackoff(Duration initial, Duration cap) {

    /** Each delay is the previous one and half of it again: 0.5, 0.75, 1.125, 1.7, 2.5, 3.8, 5 s. */
    private static final double GROWTH = 1.5;

    /** 0.5 s growing to 5 s. */
    public static PollBackoff defaults() {
        return new PollBackoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    /**
     * While Bytebase cannot be reached: 5 s (after the client's own quick retries) growing to about a minute, so an
     * outage of any length costs about one request a minute per waiting rollout.
     */
    public static PollBackoff outages() {
        return new PollBackoff(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    public PollBackoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("The first poll delay must be positive, but was " + initial);
        }
        if (cap == null || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "The poll delay cap (" + cap + ") must be at least the first delay (" + initial + ")");
        }
    }

    /**
     * @param previousMillis the delay the previous poll asked for (0 when there was none)
     * @param restart whether this poll started a stage, which brings back the quick first polls
     */
    public long nextMillis(long previousMillis, boolean restart) {
        long first = initial.toMillis();
        if (restart || previousMillis <= 0) {
            return first;
        }
        double grown = previousMillis * GROWTH;
        long next = grown >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) grown;
        return Math.min(cap.toMillis(), Math.max(first, next));
    }
}
