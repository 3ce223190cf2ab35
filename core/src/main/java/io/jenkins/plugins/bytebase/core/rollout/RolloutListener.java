package io.jenkins.plugins.bytebase.core.rollout;

/** Receives progress events; called on the polling thread. */
@FunctionalInterface
public interface RolloutListener {

    void onEvent(RolloutEvent event);

    RolloutListener NONE = event -> {};
}
