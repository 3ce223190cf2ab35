package io.jenkins.plugins.bytebase.core.rollout;

/** A rollout that cannot finish: a failed or canceled task, a missing target stage, a timeout. */
public class RolloutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RolloutException(String message) {
        super(message);
    }
}
