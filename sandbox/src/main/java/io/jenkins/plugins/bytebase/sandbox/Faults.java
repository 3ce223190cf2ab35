package io.jenkins.plugins.bytebase.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Faults on demand. Each applies to the next matching requests, then wears off; {@link #clear()} removes all.
 * Count-based faults skip {@code POST /v1/auth/login}, so that a test can aim them at the API calls whatever its
 * client does to log in first. Faults queued by several calls apply in the order they were queued.
 */
public final class Faults {

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
    private final Map<String, Integer> dropsBeforeApply = new HashMap<>();
    private final Map<String, Integer> dropsAfterApply = new HashMap<>();
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
     * The next successful request of this operation is carried out (a release, plan, rollout or task run is created),
     * then its connection is closed without an answer, as when the network or a proxy drops it on the way back.
     *
     * @param operation the operation id of the OpenAPI schema, e.g. {@code PlanService_CreatePlan}
     */
    public synchronized Faults dropAfterApply(String operation) {
        dropsAfterApply.merge(operationName(operation), 1, Integer::sum);
        return this;
    }

    /**
     * The next request of this operation is read, then its connection is closed without carrying it out or answering:
     * the caller cannot tell this from {@link #dropAfterApply}.
     *
     * @param operation the operation id of the OpenAPI schema, e.g. {@code RolloutService_BatchRunTasks}
     */
    public synchronized Faults dropBeforeApply(String operation) {
        dropsBeforeApply.merge(operationName(operation), 1, Integer::sum);
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
        dropsBeforeApply.clear();
        dropsAfterApply.clear();
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

    /** Whether this request of {@code operation} is to be dropped unanswered before it is carried out. */
    synchronized boolean takeDropBeforeApply(String operation) {
        return takeOnce(dropsBeforeApply, operation);
    }

    /** Whether the answer to this carried-out request of {@code operation} is to be dropped. */
    synchronized boolean takeDropAfterApply(String operation) {
        return takeOnce(dropsAfterApply, operation);
    }

    private static boolean takeOnce(Map<String, Integer> counts, String operation) {
        Integer left = counts.get(operation);
        if (left == null) {
            return false;
        }
        if (left == 1) {
            counts.remove(operation);
        } else {
            counts.put(operation, left - 1);
        }
        return true;
    }

    private static String operationName(String operation) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("name the operation, e.g. PlanService_CreatePlan");
        }
        return operation;
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
