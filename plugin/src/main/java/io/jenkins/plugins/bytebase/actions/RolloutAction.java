package io.jenkins.plugins.bytebase.actions;

import hudson.model.Run;
import io.jenkins.plugins.bytebase.core.rollout.RolloutSnapshot;
import io.jenkins.plugins.bytebase.core.rollout.StageSnapshot;
import io.jenkins.plugins.bytebase.core.rollout.TaskSnapshot;
import io.jenkins.plugins.bytebase.core.rollout.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * One {@code bytebaseRollout} call on the build page: links to release, plan and rollout, and the status of each stage
 * and task. Stored as our own plain classes.
 */
public class RolloutAction implements RunAction2 {

    public static final String URL_NAME = "bytebase-rollout";

    private final String id;
    private final String release;
    private final String releaseUrl;
    private final String plan;
    private final String planUrl;
    private final String rollout;
    private final String rolloutUrl;
    private final String targetStage;
    private final String failure;
    private final List<RolloutStage> stages;

    private transient Run<?, ?> run;

    RolloutAction(String id, RolloutSnapshot snapshot, String targetStage, String failure) {
        this.id = id;
        this.release = nullToEmpty(snapshot.release());
        this.releaseUrl = nullToEmpty(snapshot.releaseUrl());
        this.plan = nullToEmpty(snapshot.plan());
        this.planUrl = nullToEmpty(snapshot.planUrl());
        this.rollout = nullToEmpty(snapshot.rollout());
        this.rolloutUrl = nullToEmpty(snapshot.rolloutUrl());
        this.targetStage = nullToEmpty(targetStage);
        this.failure = nullToEmpty(failure);
        this.stages = new ArrayList<>();
        for (StageSnapshot stage : snapshot.stages()) {
            List<RolloutTask> tasks = new ArrayList<>();
            for (TaskSnapshot task : stage.tasks()) {
                tasks.add(new RolloutTask(
                        nullToEmpty(task.database()),
                        String.valueOf(task.state()),
                        nullToEmpty(task.detail()),
                        nullToEmpty(task.url())));
            }
            stages.add(new RolloutStage(
                    nullToEmpty(stage.environment()), stageStatus(stage), nullToEmpty(stage.url()), tasks));
        }
    }

    /** A new action for a run; a second rollout in one build gets {@code bytebase-rollout-2}. */
    public static RolloutAction create(Run<?, ?> run, RolloutSnapshot snapshot, String targetStage, String failure) {
        int existing = run.getActions(RolloutAction.class).size();
        String id = existing == 0 ? "" : "-" + (existing + 1);
        return new RolloutAction(id, snapshot, targetStage, failure);
    }

    /** One word per stage: DONE when every task is done or skipped, else the most telling task state. */
    public static String stageStatus(StageSnapshot stage) {
        if (stage.isComplete()) {
            return "DONE";
        }
        boolean started = false;
        for (TaskSnapshot task : stage.tasks()) {
            TaskState state = task.state();
            if (state == TaskState.FAILED || state == TaskState.CANCELED) {
                return state.name();
            }
            if (state != TaskState.NOT_STARTED) {
                started = true;
            }
        }
        return started ? "RUNNING" : "NOT_STARTED";
    }

    /** Stage environment to status, for the step's return value. */
    public static Map<String, String> stageStatuses(RolloutSnapshot snapshot) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (StageSnapshot stage : snapshot.stages()) {
            statuses.put(stage.environment(), stageStatus(stage));
        }
        return statuses;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getIconFileName() {
        return "symbol-list";
    }

    @Override
    public String getDisplayName() {
        return id == null || id.isEmpty()
                ? Messages.RolloutAction_DisplayName()
                : Messages.RolloutAction_DisplayNameNumbered(id.substring(1));
    }

    @Override
    public String getUrlName() {
        return URL_NAME + (id == null ? "" : id);
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.run = run;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getRelease() {
        return release;
    }

    public String getReleaseUrl() {
        return releaseUrl;
    }

    public String getPlan() {
        return plan;
    }

    public String getPlanUrl() {
        return planUrl;
    }

    public String getRollout() {
        return rollout;
    }

    public String getRolloutUrl() {
        return rolloutUrl;
    }

    public String getTargetStage() {
        return targetStage;
    }

    public String getFailure() {
        return failure;
    }

    public boolean isFailed() {
        return failure != null && !failure.isEmpty();
    }

    public List<RolloutStage> getStages() {
        return stages == null ? Collections.emptyList() : stages;
    }

    /** One stage (environment). */
    public static final class RolloutStage {
        private final String environment;
        private final String status;
        private final String url;
        private final List<RolloutTask> tasks;

        RolloutStage(String environment, String status, String url, List<RolloutTask> tasks) {
            this.environment = environment;
            this.status = status;
            this.url = url;
            this.tasks = tasks;
        }

        public String getEnvironment() {
            return environment;
        }

        public String getStatus() {
            return status;
        }

        public String getUrl() {
            return url;
        }

        public List<RolloutTask> getTasks() {
            return tasks == null ? Collections.emptyList() : tasks;
        }
    }

    /** One task: a database of a stage. */
    public static final class RolloutTask {
        private final String database;
        private final String status;
        private final String detail;
        private final String url;

        RolloutTask(String database, String status, String detail, String url) {
            this.database = database;
            this.status = status;
            this.detail = detail;
            this.url = url;
        }

        public String getDatabase() {
            return database;
        }

        public String getStatus() {
            return status;
        }

        public String getDetail() {
            return detail;
        }

        public String getUrl() {
            return url;
        }
    }
}
