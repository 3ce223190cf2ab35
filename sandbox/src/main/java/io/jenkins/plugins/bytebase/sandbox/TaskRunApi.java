package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code RolloutService}: run tasks, list their runs, cancel runs. */
final class TaskRunApi {

    private static final Set<String> RUNNABLE = Set.of("NOT_STARTED", "FAILED", "CANCELED");

    private final SandboxState state;
    private final Faults faults;

    TaskRunApi(SandboxState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** {@code POST .../rollout/stages/{stage}/tasks:batchRun} {@code {"tasks":[...]}}: one new run per task. */
    JsonNode batchRun(ApiRequest request) {
        RolloutRecord rollout = RolloutApi.rollout(state, request);
        RolloutRecord.Stage stage = stage(rollout, request.var(2));
        List<String> names = strings(request.body().path("tasks"));
        if (names.isEmpty()) {
            throw ApiException.invalid("No tasks to run in the stage");
        }
        Instant now = state.now();
        List<TaskRecord> tasks = new ArrayList<>();
        for (String name : names) {
            TaskRecord task =
                    rollout.task(name).orElseThrow(() -> ApiException.notFound("task \"" + name + "\" not found"));
            if (!stage.tasks.contains(task)) {
                throw ApiException.invalid("task \"" + name + "\" is not in stage \"" + stage.name + "\"");
            }
            String status = task.status(now);
            if (!RUNNABLE.contains(status)) {
                throw ApiException.invalid("cannot run task \"" + name + "\" with status " + status
                        + ": only NOT_STARTED, FAILED or CANCELED tasks can run");
            }
            tasks.add(task);
        }
        Instant start = later(now.plus(state.taskStepDelay), runTime(request.body()));
        for (TaskRecord task : tasks) {
            String name = task.name + "/taskRuns/" + state.newTaskRunId();
            task.runs.add(new TaskRunRecord(name, task, now, start, start.plus(state.taskStepDelay)));
        }
        rollout.updateTime = now;
        return Json.object();
    }

    /** {@code GET .../rollout/stages/{stage}/tasks/{task}/taskRuns}; {@code -} stands for any stage or task. */
    JsonNode list(ApiRequest request) {
        RolloutRecord rollout = RolloutApi.rollout(state, request);
        String stageId = request.var(2);
        String taskId = request.var(3);
        List<RolloutRecord.Stage> stages = stageId.equals("-") ? rollout.stages : List.of(stage(rollout, stageId));
        RolloutViews views = new RolloutViews(state.now(), faults.unknownTaskStatus());
        ObjectNode response = Json.object();
        ArrayNode runs = Json.array();
        boolean taskFound = taskId.equals("-");
        for (RolloutRecord.Stage stage : stages) {
            for (TaskRecord task : stage.tasks) {
                if (taskId.equals("-") || task.name.equals(stage.name + "/tasks/" + taskId)) {
                    taskFound = true;
                    task.runs.forEach(run -> runs.add(views.taskRun(run)));
                }
            }
        }
        if (!taskFound) {
            throw ApiException.notFound("task \"" + taskId + "\" not found in " + rollout.name);
        }
        return Json.putArray(response, "taskRuns", runs);
    }

    /** {@code POST .../stages/{stage}/tasks/-/taskRuns:batchCancel} {@code {"taskRuns":[...]}}. */
    JsonNode batchCancel(ApiRequest request) {
        RolloutRecord rollout = RolloutApi.rollout(state, request);
        String stageId = request.var(2);
        RolloutRecord.Stage stage = stageId.equals("-") ? null : stage(rollout, stageId);
        List<String> names = strings(request.body().path("taskRuns"));
        if (names.isEmpty()) {
            throw ApiException.invalid("task runs cannot be empty");
        }
        Instant now = state.now();
        List<TaskRunRecord> runs = new ArrayList<>();
        for (String name : names) {
            TaskRunRecord run = rollout.tasks().stream()
                    .flatMap(task -> task.runs.stream())
                    .filter(r -> r.name.equals(name))
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("task run \"" + name + "\" not found"));
            if (stage != null && !stage.tasks.contains(run.task)) {
                throw ApiException.invalid("task run \"" + name + "\" is not in stage \"" + stage.name + "\"");
            }
            if (!run.isActive(now)) {
                throw ApiException.invalid("task run \"" + name + "\" is " + run.status(now)
                        + ", only PENDING or RUNNING task runs can be canceled");
            }
            runs.add(run);
        }
        runs.forEach(run -> run.canceledAt = now);
        rollout.updateTime = now;
        return Json.object();
    }

    private static RolloutRecord.Stage stage(RolloutRecord rollout, String id) {
        return rollout.stage(id)
                .orElseThrow(() -> ApiException.notFound("stage \"" + rollout.name + "/stages/" + id + "\" not found"));
    }

    private static Instant runTime(JsonNode body) {
        JsonNode runTime = body.get("runTime");
        if (runTime == null || runTime.isNull()) {
            return null;
        }
        try {
            return Instant.parse(runTime.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("invalid runTime \"" + runTime.asText() + "\": expected an RFC 3339 time");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
