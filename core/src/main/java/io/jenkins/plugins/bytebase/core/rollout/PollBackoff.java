package io.jenkins.plugins.bytebase.core.rollout;

import java.time.Duration;

/**
 * When to poll next: start at {@code initial}, double while nothing changes, never beyond {@code cap}, and back to
 * {@code initial} as soon as something changes, so a stage that moves is followed closely and an idle one costs
 * few requests.
 *
 * @param initial first delay, e.g. 0.5 s
 * @param cap longest delay, e.g. 5 s (the fixed interval of {@code bytebase-action})
 */
public record PollBackoff(Duration initial, Duration cap) {

    private static final int FACTOR = 2;

    public static PollBackoff defaults() {
        return new PollBackoff(Duration.ofMillis(500), Duration.ofSeconds(5));
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
     * @param changed whether this poll saw or caused a change
     */
    public long nextMillis(long previousMillis, boolean changed) {
        long first = initial.toMillis();
        if (changed || previousMillis <= 0) {
            return first;
        }
        long doubled = previousMillis > Long.MAX_VALUE / FACTOR ? Long.MAX_VALUE : previousMillis * FACTOR;
        return Math.min(cap.toMillis(), Math.max(first, doubled));
    }
}
