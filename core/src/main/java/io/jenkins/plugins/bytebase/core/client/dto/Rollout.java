package io.jenkins.plugins.bytebase.core.client.dto;

import java.util.List;

/** {@code bytebase.v1.Rollout}: stages in environment order. */
public record Rollout(String name, String title, List<Stage> stages, String createTime, String updateTime) {

    public Rollout {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
