package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code RolloutService}: create and get a plan's rollout. Creating is idempotent: it adds only the stages and tasks
 * that are missing, like the real server's {@code CreateMissingTasksTx}.
 */
final class RolloutApi {

    private final SandboxState state;
    private final Faults faults;

    RolloutApi(SandboxState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** {@code POST /v1/projects/{p}/plans/{plan}/rollout}: body {@code {}} (all stages) or {@code {"target":...}}. */
    JsonNode create(ApiRequest request) {
        PlanRecord plan = PlanApi.plan(state, request);
        Predicate<String> environmentSelected = selection(request.body().get("target"));
        if (plan.rollout == null) {
            plan.rollout = new RolloutRecord(plan.name + "/rollout", plan.title, state.now());
        }
        RolloutRecord rollout = plan.rollout;
        for (PlanRecord.Spec spec : plan.specs) {
            for (String database : spec.databases()) {
                String environment = Catalog.environmentOf(database);
                if (environmentSelected.test(environment) && !hasTask(rollout, spec.id(), database)) {
                    RolloutRecord.Stage stage = stage(rollout, environment);
                    stage.tasks.add(new TaskRecord(
                            stage.name + "/tasks/" + state.newTaskId(),
                            spec.id(),
                            database,
                            spec.release(),
                            state.now()));
                    rollout.updateTime = state.now();
                }
            }
        }
        return views().rollout(rollout);
    }

    /** {@code GET /v1/projects/{p}/plans/{plan}/rollout}. */
    JsonNode get(ApiRequest request) {
        return views().rollout(rollout(state, request));
    }

    static RolloutRecord rollout(SandboxState state, ApiRequest request) {
        PlanRecord plan = PlanApi.plan(state, request);
        if (plan.rollout == null) {
            throw ApiException.notFound("rollout \"" + plan.name + "/rollout\" not found: create it first");
        }
        return plan.rollout;
    }

    private static Predicate<String> selection(JsonNode target) {
        if (target == null || target.isNull()) {
            return environment -> true;
        }
        String environment = target.asText();
        if (environment.isEmpty()) {
            return any -> false;
        }
        if (!Catalog.environmentExists(environment)) {
            throw ApiException.notFound("environment \"" + environment + "\" not found");
        }
        return environment::equals;
    }

    private static boolean hasTask(RolloutRecord rollout, String specId, String database) {
        return rollout.tasks().stream().anyMatch(t -> t.specId.equals(specId) && t.database.equals(database));
    }

    /** The environment's stage, created in environment order when missing. */
    private static RolloutRecord.Stage stage(RolloutRecord rollout, String environment) {
        String id = Catalog.environmentId(environment);
        Optional<RolloutRecord.Stage> existing = rollout.stage(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        RolloutRecord.Stage stage = new RolloutRecord.Stage(rollout.name + "/stages/" + id, id, environment);
        rollout.stages.add(stage);
        rollout.stages.sort(Comparator.comparingInt(s -> Catalog.ENVIRONMENTS.indexOf(s.environment)));
        return stage;
    }

    private RolloutViews views() {
        return new RolloutViews(state.now(), faults.unknownTaskStatus());
    }
}
