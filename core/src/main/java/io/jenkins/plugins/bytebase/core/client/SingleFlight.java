package io.jenkins.plugins.bytebase.core.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs one piece of work at a time for many callers: the first caller does it, callers that arrive meanwhile wait and
 * share its outcome, value or exception. A login or a version probe is then sent once however many threads need it.
 */
final class SingleFlight<T> {

    private CompletableFuture<T> flight; // guarded by this

    /**
     * @return the work's value, computed by this caller or by the one already at it
     * @throws InterruptedException when interrupted while waiting for another caller's work
     */
    T run(Supplier<T> work) throws InterruptedException {
        CompletableFuture<T> shared;
        boolean leader;
        synchronized (this) {
            leader = flight == null;
            if (leader) {
                flight = new CompletableFuture<>();
            }
            shared = flight;
        }
        if (leader) {
            try {
                T value = work.get();
                shared.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                shared.completeExceptionally(e);
                throw e;
            } finally {
                synchronized (this) {
                    flight = null;
                }
            }
        }
        try {
            return shared.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    /** Whether a caller is at the work right now. */
    synchronized boolean running() {
        return flight != null;
    }
}
