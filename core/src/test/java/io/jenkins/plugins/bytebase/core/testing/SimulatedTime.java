package io.jenkins.plugins.bytebase.core.testing;

import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the engine sleeps on it: a long wait runs in no time, and every figure taken from it
 * (elapsed time, requests per minute) is exact rather than timed. It starts at the real time, so that names the server
 * makes from its own clock still fit.
 */
public final class SimulatedTime extends Clock implements RolloutEngine.Sleeper {

    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        millis.addAndGet(duration.toMillis());
    }

    /** Every sleep asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
