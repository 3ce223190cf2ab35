package io.jenkins.plugins.bytebase.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start a sandbox.
 *
 * @param port 0 for a random free port
 * @param serviceAccountSecret the seeded account's secret, or {@code null} to make a random {@code bbs_} one
 * @param tokenLifetime lifetime of issued tokens (the real server: 1 h)
 * @param taskStepDelay time a task spends in each of PENDING and RUNNING once run
 * @param version what {@code actuator/info} reports
 * @param idleTimeout how long a keep-alive connection may stay idle before {@code idleClose} ends it, or {@code null}
 *     for never (the JDK HTTP server's own 30 s aside)
 * @param idleClose how an idle connection ends; ignored without {@code idleTimeout}
 */
public record SandboxOptions(
        int port,
        String serviceAccountSecret,
        Duration tokenLifetime,
        Duration taskStepDelay,
        String version,
        Duration idleTimeout,
        IdleClose idleClose) {

    public static SandboxOptions defaults() {
        return new SandboxOptions(
                0, null, Duration.ofHours(1), Duration.ofMillis(200), "3.21.1", null, IdleClose.AT_TIMEOUT);
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(
                port, serviceAccountSecret, tokenLifetime, taskStepDelay, version, idleTimeout, idleClose);
    }

    public SandboxOptions withServiceAccountSecret(String secret) {
        return new SandboxOptions(port, secret, tokenLifetime, taskStepDelay, version, idleTimeout, idleClose);
    }

    public SandboxOptions withTokenLifetime(Duration lifetime) {
        return new SandboxOptions(port, serviceAccountSecret, lifetime, taskStepDelay, version, idleTimeout, idleClose);
    }

    public SandboxOptions withTaskStepDelay(Duration delay) {
        return new SandboxOptions(port, serviceAccountSecret, tokenLifetime, delay, version, idleTimeout, idleClose);
    }

    public SandboxOptions withVersion(String version) {
        return new SandboxOptions(
                port, serviceAccountSecret, tokenLifetime, taskStepDelay, version, idleTimeout, idleClose);
    }

    /**
     * Ends keep-alive connections idle for {@code timeout} the way {@code how} says, as a load balancer in front of
     * Bytebase does. The connections then pass through a relay of the sandbox's own (see {@link IdleClose}).
     */
    public SandboxOptions withIdleConnectionClose(Duration timeout, IdleClose how) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, got " + timeout);
        }
        return new SandboxOptions(
                port,
                serviceAccountSecret,
                tokenLifetime,
                taskStepDelay,
                version,
                timeout,
                Objects.requireNonNull(how, "how"));
    }
}
