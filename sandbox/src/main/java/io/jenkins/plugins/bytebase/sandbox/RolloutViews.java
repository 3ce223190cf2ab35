package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON views of plans, rollouts, tasks and task runs at a given instant. */
final class RolloutViews {

    private final Instant now;
    /** When set, task and task run statuses are sent as this name (the unknown-enum fault). */
    private final String statusOverride;

    RolloutViews(Instant now, String statusOverride) {
        this.now = now;
        this.statusOverride = statusOverride;
    }

    ObjectNode plan(PlanRecord plan) {
        ObjectNode node = Json.object();
        node.put("name", plan.name);
        Json.put(node, "title", plan.title);
        Json.put(node, "description", plan.description);
        node.set("specs", plan.specsJson.deepCopy());
        node.put("creator", plan.creator);
        Json.put(node, "createTime", plan.createTime);
        Json.put(node, "updateTime", plan.rollout == null ? plan.createTime : plan.rollout.updateTime);
        node.put("state", "ACTIVE");
        if (plan.rollout != null) {
            node.put("hasRollout", true);
            ArrayNode summaries = Json.array();
            for (RolloutRecord.Stage stage : plan.rollout.stages) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                stage.tasks.forEach(task -> counts.merge(status(task.status(now)), 1, Integer::sum));
                ObjectNode summary = summaries.addObject();
                summary.put("stage", stage.name);
                ArrayNode statusCounts = summary.putArray("taskStatusCounts");
                counts.forEach((status, count) ->
                        statusCounts.addObject().put("status", status).put("count", count));
            }
            Json.putArray(node, "rolloutStageSummaries", summaries);
        }
        return node;
    }

    ObjectNode rollout(RolloutRecord rollout) {
        ObjectNode node = Json.object();
        node.put("name", rollout.name);
        Json.put(node, "title", rollout.title);
        ArrayNode stages = Json.array();
        for (RolloutRecord.Stage stage : rollout.stages) {
            ObjectNode stageNode = stages.addObject();
            stageNode.put("name", stage.name);
            stageNode.put("id", stage.id);
            stageNode.put("environment", stage.environment);
            ArrayNode tasks = Json.array();
            stage.tasks.forEach(task -> tasks.add(task(task)));
            Json.putArray(stageNode, "tasks", tasks);
        }
        Json.putArray(node, "stages", stages);
        Json.put(node, "createTime", rollout.createTime);
        Json.put(node, "updateTime", rollout.updateTime);
        return node;
    }

    ObjectNode task(TaskRecord task) {
        ObjectNode node = Json.object();
        node.put("name", task.name);
        node.put("specId", task.specId);
        node.put("status", status(task.status(now)));
        node.put("type", "DATABASE_MIGRATE");
        node.put("target", task.database);
        node.putObject("databaseUpdate").put("release", task.release);
        Json.put(node, "updateTime", task.updateTime(now));
        return node;
    }

    ObjectNode taskRun(TaskRunRecord run) {
        ObjectNode node = Json.object();
        node.put("name", run.name);
        node.put("creator", SandboxState.CREATOR);
        Json.put(node, "createTime", run.createTime);
        Json.put(node, "updateTime", run.updateTime(now));
        node.put("status", status(run.status(now)));
        Json.put(node, "detail", run.detail);
        if (!now.isBefore(run.startTime)) {
            Json.put(node, "startTime", run.startTime);
        }
        Json.put(node, "runTime", run.startTime);
        return node;
    }

    private String status(String status) {
        return statusOverride == null ? status : statusOverride;
    }
}
