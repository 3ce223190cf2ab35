package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits out an outage while a rollout is being created (that step blocks its caller anyway): repeats a call while
 * Bytebase cannot be reached, up to a time limit, and says so once when the outage starts and once when it ends. A
 * call that changes something is repeated only when it certainly did not reach the server (connection refused, 429,
 * 503); when it may have been carried out, the failure goes to the caller, which reads back before going on.
 */
final class RideOut {

    private final Clock clock;
    private final RolloutEngine.Sleeper sleeper;
    private final RolloutListener listener;
    private final PollBackoff backoff;
    private final long untilMillis;
    private long outageSinceMillis;

    RideOut(
            Clock clock,
            RolloutEngine.Sleeper sleeper,
            RolloutListener listener,
            PollBackoff backoff,
            long untilMillis) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.backoff = backoff;
        this.untilMillis = untilMillis;
    }

    /** A read, or a call the server makes idempotent: repeated through any outage. */
    <T> T read(String what, Supplier<T> call) {
        return repeat(what, call, true);
    }

    /**
     * A create: repeated only while it certainly did not reach the server.
     *
     * @throws BytebaseException when it may have been carried out (see {@link Outages#mayHaveBeenCarriedOut}), or on
     *     a definite refusal
     */
    <T> T write(String what, Supplier<T> call) {
        return repeat(what, call, false);
    }

    private <T> T repeat(String what, Supplier<T> call, boolean idempotent) {
        long delay = 0;
        while (true) {
            try {
                T value = call.get();
                reached();
                return value;
            } catch (BytebaseException failure) {
                if (!Outages.isOutage(failure) || (!idempotent && Outages.mayHaveBeenCarriedOut(failure))) {
                    throw failure;
                }
                delay = pause(what, failure, delay);
            }
        }
    }

    /** A call answered: the end of an outage, if there was one. */
    private void reached() {
        if (outageSinceMillis > 0) {
            listener.onEvent(new RolloutEvent(
                    RolloutEvent.Type.OUTAGE_ENDED, Outages.ended(outageSinceMillis, clock.millis()), ""));
            outageSinceMillis = 0;
        }
    }

    private long pause(String what, BytebaseException failure, long previousDelay) {
        long now = clock.millis();
        String reason = Outages.reason(failure);
        if (outageSinceMillis == 0) {
            outageSinceMillis = now;
            listener.onEvent(new RolloutEvent(
                    RolloutEvent.Type.OUTAGE_STARTED,
                    Outages.started(reason, "the rollout being created", untilMillis, backoff),
                    ""));
        }
        if (now >= untilMillis) {
            throw new RolloutException("Gave up at " + Instant.ofEpochMilli(now) + " on " + what
                    + ": Bytebase has not answered since " + Instant.ofEpochMilli(outageSinceMillis) + " (" + reason
                    + "). Check the server, then run again");
        }
        long delay = Math.min(backoff.nextMillis(previousDelay, false), untilMillis - now);
        try {
            sleeper.sleep(Duration.ofMillis(delay));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RolloutException("Interrupted while waiting for Bytebase to answer " + what);
        }
        return delay;
    }
}
