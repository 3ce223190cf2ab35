package io.jenkins.plugins.bytebase.core.rollout;

import java.time.Duration;

/**
 * The outcome of one poll.
 *
 * @param state whether to poll again
 * @param handle what to keep for the next poll
 * @param pollAgainIn when to poll next (only when {@code WAITING})
 * @param snapshot the rollout as just seen, or {@code null} when Bytebase could not be read on this poll
 * @param failure why it failed (only when {@code FAILED}), naming the task, its database and its link, or the refusal
 * @param outage empty when Bytebase answered; otherwise why it could not be reached (e.g. connection refused, HTTP
 *     503). The rollout is then still {@code WAITING}: this is no failure to count, only a reason to show; poll again
 *     after {@code pollAgainIn}, which grows to about a minute while the outage lasts
 */
public record PollResult(
        State state,
        RolloutHandle handle,
        Duration pollAgainIn,
        RolloutSnapshot snapshot,
        String failure,
        String outage) {

    public enum State {
        WAITING,
        SUCCEEDED,
        FAILED
    }

    public PollResult {
        outage = outage == null ? "" : outage;
    }

    /** A poll that reached Bytebase. */
    public PollResult(
            State state, RolloutHandle handle, Duration pollAgainIn, RolloutSnapshot snapshot, String failure) {
        this(state, handle, pollAgainIn, snapshot, failure, "");
    }

    /** Whether Bytebase could not be reached on this poll (the rollout keeps waiting). */
    public boolean unreachable() {
        return !outage.isEmpty();
    }
}
