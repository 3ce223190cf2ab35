package io.jenkins.plugins.bytebase.sandbox;

import java.time.Duration;

/**
 * How to start a sandbox.
 *
 * @param port 0 for a random free port
 * @param serviceAccountSecret the seeded account's secret, or {@code null} to make a random {@code bbs_} one
 * @param tokenLifetime lifetime of issued tokens (the real server: 1 h)
 * @param taskStepDelay time a task spends in each of PENDING and RUNNING once run
 * @param version what {@code actuator/info} reports
 */
public record SandboxOptions(
        int port, String serviceAccountSecret, Duration tokenLifetime, Duration taskStepDelay, String version) {

    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, Duration.ofHours(1), Duration.ofMillis(200), "3.21.1");
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(port, serviceAccountSecret, tokenLifetime, taskStepDelay, version);
    }

    public SandboxOptions withServiceAccountSecret(String secret) {
        return new SandboxOptions(port, secret, tokenLifetime, taskStepDelay, version);
    }

    public SandboxOptions withTokenLifetime(Duration lifetime) {
        return new SandboxOptions(port, serviceAccountSecret, lifetime, taskStepDelay, version);
    }

    public SandboxOptions withTaskStepDelay(Duration delay) {
        return new SandboxOptions(port, serviceAccountSecret, tokenLifetime, delay, version);
    }

    public SandboxOptions withVersion(String version) {
        return new SandboxOptions(port, serviceAccountSecret, tokenLifetime, taskStepDelay, version);
    }
}
