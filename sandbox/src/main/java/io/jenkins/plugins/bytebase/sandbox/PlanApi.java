package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code PlanService}: create and get plans whose specs deploy a release to target databases. */
final class PlanApi {

    private final SandboxState state;
    private final Faults faults;

    PlanApi(SandboxState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** {@code POST /v1/projects/{p}/plans}. */
    JsonNode create(ApiRequest request) {
        String project = request.project();
        JsonNode body = request.body();
        ArrayNode specsJson = Json.array();
        List<PlanRecord.Spec> specs = new ArrayList<>();
        for (JsonNode specNode : body.path("specs")) {
            ObjectNode spec = specNode.deepCopy();
            String id = Json.text(spec, "id");
            if (id.isEmpty()) {
                id = UUID.randomUUID().toString();
                spec.put("id", id);
            }
            JsonNode config = spec.get("changeDatabaseConfig");
            if (config == null) {
                throw ApiException.invalid("spec \"" + id + "\": the sandbox supports only changeDatabaseConfig");
            }
            String release = Json.text(config, "release");
            if (release.isEmpty()) {
                throw ApiException.invalid("spec \"" + id + "\": changeDatabaseConfig.release is required (the"
                        + " sandbox does not support sheet-based specs)");
            }
            ReleaseApi.release(state, release);
            List<String> targets = new ArrayList<>();
            config.path("targets").forEach(target -> targets.add(target.asText()));
            specs.add(new PlanRecord.Spec(id, release, Catalog.resolveTargets(project, targets)));
            specsJson.add(spec);
        }
        if (specs.isEmpty()) {
            throw ApiException.invalid("a plan needs at least one spec");
        }
        PlanRecord plan = new PlanRecord(
                project + "/plans/" + state.newPlanId(),
                Json.text(body, "title"),
                Json.text(body, "description"),
                specsJson,
                specs,
                SandboxState.CREATOR,
                state.now());
        state.plans.put(plan.name, plan);
        return views().plan(plan);
    }

    /** {@code GET /v1/projects/{p}/plans/{plan}}. */
    JsonNode get(ApiRequest request) {
        return views().plan(plan(state, request));
    }

    static PlanRecord plan(SandboxState state, ApiRequest request) {
        String name = request.project() + "/plans/" + request.var(1);
        return state.plan(name).orElseThrow(() -> ApiException.notFound("plan \"" + name + "\" not found"));
    }

    private RolloutViews views() {
        return new RolloutViews(state.now(), faults.unknownTaskStatus());
    }
}
