package io.jenkins.plugins.bytebase.core.rollout;

import java.io.Serializable;

/**
 * Everything a caller must keep between two polls, and nothing secret: resource names, the deadline and the poll
 * backoff. A front end may persist it (a paused Jenkins pipeline does) and poll again after a restart.
 *
 * @param project {@code projects/p}
 * @param release release name: the one created, or the one a continued plan deploys (empty when that plan names
 *     none)
 * @param plan plan name
 * @param rollout rollout name
 * @param targetStage {@code environments/x}, or empty to only create
 * @param deadlineEpochMillis when the wait times out, or 0 for never
 * @param pollDelayMillis the delay the last poll asked for
 * @param fingerprint what the engine remembers between polls: the last seen task statuses, which stages it started,
 *     and since when Bytebase has not answered (opaque; keep it as it is)
 */
public record RolloutHandle(
        String project,
        String release,
        String plan,
        String rollout,
        String targetStage,
        long deadlineEpochMillis,
        long pollDelayMillis,
        String fingerprint)
        implements Serializable {}
