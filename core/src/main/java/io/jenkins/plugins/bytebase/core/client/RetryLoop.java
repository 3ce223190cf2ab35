package io.jenkins.plugins.bytebase.core.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Repeats a request by the {@link RetryPolicy}: exponential backoff with jitter, {@code Retry-After} honoured up to the
 * cap. What is repeated depends on whether the request may have reached the server: a refused connection is always
 * safe; an answer or a dropped connection is repeated only for idempotent requests, so a create never runs twice.
 */
final class RetryLoop {

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** One attempt of the request. */
    @FunctionalInterface
    interface Attempt {
        HttpResult send() throws IOException, InterruptedException;
    }

    static final Sleeper THREAD_SLEEP = delay -> Thread.sleep(delay.toMillis());

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Consumer<String> logger;
    private final ErrorMapper errors;

    RetryLoop(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, Consumer<String> logger, ErrorMapper errors) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.logger = logger;
        this.errors = errors;
    }

    RetryLoop(RetryPolicy policy, Consumer<String> logger, ErrorMapper errors) {
        this(policy, THREAD_SLEEP, () -> ThreadLocalRandom.current().nextDouble(), logger, errors);
    }

    /**
     * Runs the attempt until it gives an answer that is not worth repeating, or the attempts are used up.
     *
     * <p>A read whose connection broke is first repeated at once, outside the policy's attempts and without a log
     * line: a pooled keep-alive connection that the server or a load balancer closed while idle fails the next request
     * sent on it, and the repeat goes out on a fresh connection. Only once per call, so a server that really drops
     * connections still meets the policy's backoff.
     *
     * @return the last answer, which may be an error status for the caller to map
     * @throws BytebaseException when no answer came back; {@link BytebaseOutcomeUnknownException} when the request
     *     changes something and may have been carried out
     */
    HttpResult execute(ApiCall call, Attempt attempt) {
        boolean freshConnectionTried = false;
        int number = 1;
        while (true) {
            boolean last = number >= policy.maxAttempts();
            HttpResult result;
            try {
                result = attempt.send();
            } catch (IOException e) {
                if (!freshConnectionTried && call.idempotent() && TransportFailures.brokenConnection(e)) {
                    freshConnectionTried = true;
                    continue;
                }
                if (last || !isRetryable(call, e)) {
                    throw errors.transportFailure(call, e);
                }
                pause(call, number++, Duration.ZERO, errors.describeFailure(e));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.interrupted(call);
            }
            if (last || !isRetryable(call, result.status())) {
                return result;
            }
            pause(call, number++, retryAfter(result), "answered HTTP " + result.status());
        }
    }

    static boolean isRetryable(ApiCall call, IOException failure) {
        if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
            return true; // nothing was sent
        }
        if (failure instanceof HttpExecutor.UnwritableBody) {
            return false; // the same body would fail the same way
        }
        if (failure instanceof HttpTimeoutException) {
            return false; // the server may still be working on it; waiting again rarely helps
        }
        return call.idempotent();
    }

    static boolean isRetryable(ApiCall call, int status) {
        return call.idempotent() && (status == 429 || status == 502 || status == 503 || status == 504);
    }

    /** The delay before attempt {@code failed + 1}: doubling from the initial delay, half of it random, capped. */
    Duration delay(int failed, Duration retryAfter) {
        long initial = policy.initialDelay().toMillis();
        long cap = policy.maxDelay().toMillis();
        long base = Math.min(cap, initial << Math.min(failed - 1, 30));
        long jittered = base / 2 + Math.round(random.getAsDouble() * (base - base / 2));
        long wanted = Math.max(jittered, retryAfter.toMillis());
        return Duration.ofMillis(Math.min(wanted, cap));
    }

    private void pause(ApiCall call, int failed, Duration retryAfter, String why) {
        Duration delay = delay(failed, retryAfter);
        logger.accept(String.format(
                "Bytebase: %s %s; retrying in %.1f s (attempt %d of %d)",
                call.describe(), why, delay.toMillis() / 1000.0, failed + 1, policy.maxAttempts()));
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(call);
        }
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is rare for APIs and is ignored. */
    static Duration retryAfter(HttpResult result) {
        String value = result.header("Retry-After");
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? Duration.ofSeconds(Math.min(seconds, 3600)) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
