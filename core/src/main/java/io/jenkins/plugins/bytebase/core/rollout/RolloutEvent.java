package io.jenkins.plugins.bytebase.core.rollout;

/**
 * Something a front end prints while a rollout runs.
 *
 * @param type what happened
 * @param message one line for a console, e.g. "Stage environments/test: 1 task started"
 * @param url the Bytebase page it concerns, or empty
 */
public record RolloutEvent(Type type, String message, String url) {

    public enum Type {
        RELEASE_CREATED,
        PLAN_CREATED,
        PLAN_CONTINUED,
        ROLLOUT_CREATED,
        STAGE_STARTED,
        TASK_STATUS_CHANGED,
        STAGE_DONE,
        ROLLOUT_DONE,
        ROLLOUT_FAILED,
        CANCELED,
        /** Bytebase stopped answering; the rollout keeps waiting. Reported once per outage. */
        OUTAGE_STARTED,
        /** Bytebase answers again after an outage. Reported once per outage. */
        OUTAGE_ENDED,
        /** A create or a task run got no answer; what exists is read back before anything is sent again. */
        OUTCOME_UNKNOWN
    }
}
