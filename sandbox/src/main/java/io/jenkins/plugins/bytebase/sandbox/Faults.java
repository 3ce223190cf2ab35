package io.jenkins.plugins.bytebase.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Faults on demand. Each applies to the next matching requests, then wears off; {@link #clear()} removes all.
 * Count-based faults skip {@code POST /v1/auth/login}, so that a test can aim them at the API calls whatever its
 * client does to log in first. Faults queued by several calls apply in the order they were queued.
 *
 * <p>Faults of the connections themselves (idle keep-alive connections closed as a load balancer does, an outage)
 * are in {@link SandboxOptions#withIdleConnectionClose} and {@link BytebaseSandbox#stopListening()}.
 */
public final class Faults {

    /** Requests that change something, for {@link #dropAfterApplyNext} and {@link #dropBeforeApplyNext}. */
    public enum Change {
        /** {@code POST …/releases}. */
        CREATE_RELEASE("ReleaseService_CreateRelease"),
        /** {@code POST …/plans}. */
        CREATE_PLAN("PlanService_CreatePlan"),
        /** {@code POST …/plans/{plan}/rollout}. */
        CREATE_ROLLOUT("RolloutService_CreateRollout"),
        /** {@code POST …/stages/{stage}/tasks:batchRun}. */
        BATCH_RUN_TASKS("RolloutService_BatchRunTasks");

        private final String operationId;

        Change(String operationId) {
            this.operationId = operationId;
        }

        String operationId() {
            return operationId;
        }
    }

    /** A queued fault for the next requests. */
    enum Kind {
        FAIL,
        RATE_LIMIT,
        DROP,
        MALFORMED
    }

    /** A fault taken for one request. */
    record Fault(Kind kind, int status, int retryAfterSeconds) {}

    private final TokenService tokens;
    private final Deque<Fault> queue = new ArrayDeque<>();
    private final Map<Change, Integer> dropsAfterApply = new EnumMap<>(Change.class);
    private final Map<Change, Integer> dropsBeforeApply = new EnumMap<>(Change.class);
    private Duration latency = Duration.ZERO;
    private String unknownTaskStatus;

    Faults(TokenService tokens) {
        this.tokens = tokens;
    }

    /** Delays every answer by this much until cleared. */
    public synchronized Faults latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    /** The next {@code count} requests (login excluded) get this status with the server's error JSON. */
    public synchronized Faults failNext(int count, int status) {
        return enqueue(count, new Fault(Kind.FAIL, status, 0));
    }

    /** The next {@code count} requests (login excluded) get 429 with {@code Retry-After: seconds}. */
    public synchronized Faults rateLimitNext(int count, int retryAfterSeconds) {
        return enqueue(count, new Fault(Kind.RATE_LIMIT, 429, retryAfterSeconds));
    }

    /**
     * The next {@code count} requests (login excluded) are read, then the connection is closed without an answer.
     */
    public synchronized Faults dropNext(int count) {
        return enqueue(count, new Fault(Kind.DROP, 0, 0));
    }

    /**
     * The next {@code count} successful requests of this kind are carried out (the release, plan or rollout is
     * created, the tasks run), then the connection is closed without the answer, as when a network path breaks while
     * the answer travels. Recorded with status 0. The client cannot tell whether the change was made; the sandbox's
     * state says it was.
     */
    public synchronized Faults dropAfterApplyNext(Change change, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        dropsAfterApply.merge(change, count, Integer::sum);
        return this;
    }

    /**
     * The next {@code count} requests of this kind are read, then the connection is closed without carrying them out
     * or answering. Recorded with status 0. The client cannot tell this from {@link #dropAfterApplyNext}; the
     * sandbox's state says nothing was made.
     */
    public synchronized Faults dropBeforeApplyNext(Change change, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        dropsBeforeApply.merge(change, count, Integer::sum);
        return this;
    }

    /** The next {@code count} requests (login excluded) get a 200 whose body is not valid JSON. */
    public synchronized Faults malformedJsonNext(int count) {
        return enqueue(count, new Fault(Kind.MALFORMED, 200, 0));
    }

    /** Rollout and task statuses are sent as this unknown enum name until cleared, e.g. {@code "PAUSED"}. */
    public synchronized Faults unknownTaskStatus(String name) {
        this.unknownTaskStatus = name;
        return this;
    }

    /** Every token issued so far is expired now. */
    public Faults expireTokens() {
        tokens.expireAll();
        return this;
    }

    public synchronized Faults clear() {
        queue.clear();
        dropsAfterApply.clear();
        dropsBeforeApply.clear();
        latency = Duration.ZERO;
        unknownTaskStatus = null;
        return this;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized String unknownTaskStatus() {
        return unknownTaskStatus;
    }

    /** The fault for this request, if one is queued and the request is not a login. */
    synchronized Fault take(boolean login) {
        return login ? null : queue.pollFirst();
    }

    /** Whether the answer to this successful request of the operation is to be dropped; takes the fault if so. */
    synchronized boolean takeDropAfterApply(String operationId) {
        return takeDrop(dropsAfterApply, operationId);
    }

    /** Whether this request of the operation is to be dropped before it is carried out; takes the fault if so. */
    synchronized boolean takeDropBeforeApply(String operationId) {
        return takeDrop(dropsBeforeApply, operationId);
    }

    private static boolean takeDrop(Map<Change, Integer> drops, String operationId) {
        for (Map.Entry<Change, Integer> entry : drops.entrySet()) {
            if (entry.getKey().operationId().equals(operationId) && entry.getValue() > 0) {
                entry.setValue(entry.getValue() - 1);
                return true;
            }
        }
        return false;
    }

    private Faults enqueue(int count, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
        return this;
    }
}
