package io.jenkins.plugins.bytebase.core.client;

/**
 * A request that changes something (creating a release, plan or rollout, running or canceling tasks) may or may not
 * have been carried out: the connection broke or the request timed out after the request may have reached Bytebase,
 * or a gateway in between answered 502 or 504 (it lost Bytebase's answer, not necessarily the request).
 *
 * <p>The client never repeats such a request by itself, since that could create a second release or plan or run a
 * task twice. A caller that wants to go on reads back first: whether the plan's rollout exists, whether a release or
 * plan with the intended content was made, whether the tasks run; only what is missing may be requested again.
 * Requests that change nothing (reads, {@code releases:check}) never raise this: they are repeated instead.
 *
 * <p>{@link #status()} is 0 when no answer came, or the gateway's 502 or 504.
 */
public class BytebaseOutcomeUnknownException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    private final String request;

    public BytebaseOutcomeUnknownException(
            int status, String serverCode, String serverMessage, String remedy, String request, Throwable cause) {
        super(status, serverCode, serverMessage, remedy, cause);
        this.request = request == null ? "" : request;
    }

    /** The request whose outcome is unknown: method and path without the query, e.g. {@code POST /v1/projects/hr/plans}. */
    public String request() {
        return request;
    }
}
