package io.jenkins.plugins.bytebase.core.rollout;

import java.time.Duration;

/**
 * The outcome of one poll.
 *
 * @param state whether to poll again
 * @param handle what to keep for the next poll
 * @param pollAgainIn when to poll next (only when {@code WAITING})
 * @param snapshot the rollout as just seen
 * @param failure why it failed (only when {@code FAILED}), naming the task, its database and its link
 */
public record PollResult(
        State state, RolloutHandle handle, Duration pollAgainIn, RolloutSnapshot snapshot, String failure) {

    public enum State {
        WAITING,
        SUCCEEDED,
        FAILED
    }
}
