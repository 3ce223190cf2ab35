package io.jenkins.plugins.bytebase.core.rollout;

import java.io.Serializable;
import java.util.List;

/**
 * The rollout as last seen, with links: what front ends show and store.
 *
 * @param release release name or empty
 * @param releaseUrl its page or empty
 * @param plan plan name
 * @param planUrl its page
 * @param rollout rollout name
 * @param rolloutUrl its page
 * @param stages in environment order
 */
public record RolloutSnapshot(
        String release,
        String releaseUrl,
        String plan,
        String planUrl,
        String rollout,
        String rolloutUrl,
        List<StageSnapshot> stages)
        implements Serializable {

    public RolloutSnapshot {
        stages = List.copyOf(stages);
    }
}
