package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.BytebaseOutcomeUnknownException;
import io.jenkins.plugins.bytebase.core.client.UnsupportedServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Which failures mean "Bytebase cannot be reached right now" and are waited out, and the sentences that say so. Only
 * the absence of an answer (connection refused, reset or timed out) and the answers of an overloaded or restarting
 * server or its proxy (429, 502, 503, 504) are; a definite answer (401 after a fresh login, 403, 404, 400, 500) is not,
 * and ends the rollout at once.
 */
final class Outages {

    private Outages() {}

    /**
     * Whether to wait for Bytebase to come back rather than fail. Every failure without an answer counts (status 0),
     * a broken TLS handshake too: in the middle of a rollout that already reached the server, a proxy or server that
     * restarts is likelier than a wrong setting, and the rollout's deadline still ends the wait.
     */
    static boolean isOutage(BytebaseException failure) {
        if (failure instanceof UnsupportedServerException
                || Thread.currentThread().isInterrupted()) {
            return false; // status 0 too, but nothing a wait would change
        }
        int status = failure.status();
        return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Whether a request that changes something may have been carried out although it failed: its connection broke
     * after it was sent, or a proxy answered that the server did not (502) or not in time (504).
     */
    static boolean mayHaveBeenCarriedOut(BytebaseException failure) {
        return failure instanceof BytebaseOutcomeUnknownException || failure.status() == 502 || failure.status() == 504;
    }

    /** A short cause for one console line, e.g. {@code HTTP 503: unavailable} or {@code Could not connect to …}. */
    static String reason(BytebaseException failure) {
        if (failure.status() > 0) {
            return "HTTP " + failure.status()
                    + (failure.serverMessage().isBlank() ? "" : ": " + failure.serverMessage());
        }
        return failure.serverMessage().isBlank() ? failure.getMessage() : failure.serverMessage();
    }

    static String started(String reason, String what, long deadlineMillis, PollBackoff backoff) {
        String until = deadlineMillis > 0 ? " until " + Instant.ofEpochMilli(deadlineMillis) : "";
        return "Bytebase cannot be reached (" + reason + "); " + what + " keeps waiting" + until
                + ", trying again after pauses growing to " + seconds(backoff.cap());
    }

    static String ended(long sinceMillis, long nowMillis) {
        return "Bytebase answers again, after " + elapsed(Math.max(0, nowMillis - sinceMillis));
    }

    static String timedOut(String what, long deadlineMillis, long sinceMillis, String reason) {
        return "Timed out at " + Instant.ofEpochMilli(deadlineMillis) + " waiting for " + what
                + ": Bytebase has not answered since " + Instant.ofEpochMilli(sinceMillis) + " (" + reason
                + "). Tasks already started keep running in Bytebase; check there, or run again with a longer timeout";
    }

    /** {@code 45 s}, {@code 1 min 30 s}. */
    static String elapsed(long millis) {
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
