package io.jenkins.plugins.bytebase.core.rollout;

/**
 * A rollout that cannot start (a request that cannot be sent) or cannot finish: a failed or canceled task, a missing
 * target stage, a timeout. Carries the handle
 * and the last snapshot when there are some, so that a front end can still report the release, plan and rollout.
 */
public class RolloutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RolloutHandle handle;
    private final RolloutSnapshot snapshot;

    public RolloutException(String message) {
        this(message, null, null);
    }

    public RolloutException(String message, RolloutHandle handle, RolloutSnapshot snapshot) {
        super(message);
        this.handle = handle;
        this.snapshot = snapshot;
    }

    /** The rollout that failed, or {@code null} when it failed before one existed. */
    public RolloutHandle handle() {
        return handle;
    }

    /** The rollout as last seen, or {@code null}. */
    public RolloutSnapshot snapshot() {
        return snapshot;
    }
}
