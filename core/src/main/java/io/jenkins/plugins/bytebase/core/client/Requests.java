package io.jenkins.plugins.bytebase.core.client;

import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds the request of each operation: checks the arguments, and copies bodies down to the fields a request may
 * carry (the server answers 400 to any other field, read-only ones included).
 */
final class Requests {

    private Requests() {}

    static ApiCall checkRelease(String project, CheckReleaseRequest request) {
        ResourceNames.project(project);
        require(request, "check request");
        if (request.targets().isEmpty()) {
            throw new IllegalArgumentException("No targets to check against: give databases"
                    + " (instances/{instance}/databases/{database}) or one database group"
                    + " (projects/{project}/databaseGroups/{group})");
        }
        Release release = draft(request.release());
        VcsUser user = vcsUser(request.vcsUser());
        RequestBody body = new ReleaseBody(
                release.files(),
                files -> new CheckReleaseRequest(
                        withFiles(release, files), request.targets(), request.customRules(), user));
        return ApiCall.idempotentPost(
                "/v1/" + project + "/releases:check",
                body,
                "the project " + project + " or one of the targets " + String.join(", ", request.targets()));
    }

    static ApiCall createRelease(String project, Release release, String template, String timezone) {
        ResourceNames.project(project);
        StringBuilder path = new StringBuilder("/v1/").append(project).append("/releases");
        char separator = '?';
        for (Map.Entry<String, String> parameter : queryParameters(template, timezone)) {
            path.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        Release body = draft(release);
        return ApiCall.post(
                path.toString(),
                new ReleaseBody(body.files(), files -> withFiles(body, files)),
                "the project " + project);
    }

    static ApiCall getRelease(String release) {
        ResourceNames.release(release);
        return ApiCall.get("/v1/" + release, "the release " + release);
    }

    static ApiCall createPlan(String project, Plan plan) {
        ResourceNames.project(project);
        require(plan, "plan");
        if (plan.specs().isEmpty()) {
            throw new IllegalArgumentException("The plan has no specs: give at least one change of a release");
        }
        Plan body = Plan.draft(plan.title(), plan.description(), plan.specs());
        return ApiCall.post("/v1/" + project + "/plans", WireJson.write(body), "the project " + project);
    }

    static ApiCall getPlan(String plan) {
        ResourceNames.plan(plan);
        return ApiCall.get("/v1/" + plan, "the plan " + plan);
    }

    static ApiCall createRollout(String plan, String target) {
        ResourceNames.plan(plan);
        String body = target == null ? "{}" : WireJson.write(Map.of("target", ResourceNames.environment(target)));
        return ApiCall.post("/v1/" + plan + "/rollout", body, "the plan " + plan);
    }

    static ApiCall getRollout(String plan) {
        ResourceNames.plan(plan);
        return ApiCall.get("/v1/" + plan + "/rollout", "the rollout of plan " + plan + " (was it created?)");
    }

    static ApiCall batchRunTasks(String stage, List<String> tasks) {
        ResourceNames.stage(stage);
        List<String> names = ResourceNames.tasksOf(stage, tasks);
        return ApiCall.post(
                "/v1/" + stage + "/tasks:batchRun",
                WireJson.write(Map.of("tasks", names)),
                "the stage " + stage + " or one of its tasks");
    }

    static ApiCall listTaskRuns(String plan) {
        ResourceNames.plan(plan);
        return ApiCall.get(
                "/v1/" + plan + "/rollout/stages/-/tasks/-/taskRuns",
                "the rollout of plan " + plan + " (was it created?)");
    }

    static ApiCall batchCancelTaskRuns(String stage, List<String> taskRuns) {
        ResourceNames.stage(stage);
        List<String> names = ResourceNames.taskRunsOf(stage, taskRuns);
        return ApiCall.post(
                "/v1/" + stage + "/tasks/-/taskRuns:batchCancel",
                WireJson.write(Map.of("taskRuns", names)),
                "the stage " + stage + " or one of its task runs");
    }

    /** A release as a request may carry it: no name, creator, times, state, sheet digests. */
    static Release draft(Release release) {
        require(release, "release");
        if (release.type() == ReleaseType.UNKNOWN) {
            throw new IllegalArgumentException("The release type UNKNOWN cannot be sent: use VERSIONED or DECLARATIVE");
        }
        if (release.files().isEmpty()) {
            throw new IllegalArgumentException("The release has no files");
        }
        List<ReleaseFile> files = release.files().stream()
                .map(file -> new ReleaseFile(file.path(), file.version(), file.statement(), file.sheet(), null))
                .toList();
        VcsSource source = release.vcsSource();
        if (source != null && source.vcsType() == VcsType.UNKNOWN) {
            throw new IllegalArgumentException("The VCS type UNKNOWN cannot be sent: leave out the VCS source instead");
        }
        return new Release(null, release.type(), files, source, release.category(), null, null, null);
    }

    /** The draft with other files: {@link ReleaseBody} writes the request around them. */
    private static Release withFiles(Release draft, List<ReleaseFile> files) {
        return new Release(null, draft.type(), files, draft.vcsSource(), draft.category(), null, null, null);
    }

    private static VcsUser vcsUser(VcsUser user) {
        if (user != null && user.vcsType() == VcsType.UNKNOWN) {
            throw new IllegalArgumentException("The VCS type UNKNOWN cannot be sent: leave out the VCS user instead");
        }
        return user;
    }

    private static List<Map.Entry<String, String>> queryParameters(String template, String timezone) {
        return java.util.stream.Stream.of(
                        Map.entry("releaseIdTemplate", template == null ? "" : template),
                        Map.entry("releaseIdTimezone", timezone == null ? "" : timezone))
                .filter(parameter -> !parameter.getValue().isBlank())
                .toList();
    }

    private static void require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("The " + what + " is missing");
        }
    }
}
