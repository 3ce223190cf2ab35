package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;

/** A created plan; {@code rollout} is set once a rollout was created for it. */
final class PlanRecord {

    /** A spec's resolved content: which release goes to which databases. */
    record Spec(String id, String release, List<String> databases) {}

    final String name;
    final String title;
    final String description;
    final ArrayNode specsJson;
    final List<Spec> specs;
    final String creator;
    final Instant createTime;
    RolloutRecord rollout;

    PlanRecord(
            String name,
            String title,
            String description,
            ArrayNode specsJson,
            List<Spec> specs,
            String creator,
            Instant createTime) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.specsJson = specsJson;
        this.specs = specs;
        this.creator = creator;
        this.createTime = createTime;
    }
}
