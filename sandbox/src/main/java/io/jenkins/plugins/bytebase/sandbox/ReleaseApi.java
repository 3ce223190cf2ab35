package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code ReleaseService}: create, get and list releases. The check lives in {@link ReleaseCheck}. */
final class ReleaseApi {

    private final SandboxState state;

    ReleaseApi(SandboxState state) {
        this.state = state;
    }

    /** {@code POST /v1/projects/{p}/releases?releaseIdTemplate=&releaseIdTimezone=}. */
    JsonNode create(ApiRequest request) {
        String project = request.project();
        JsonNode body = request.body();
        List<ReleaseFile> files = ReleaseFiles.read(project, body, state.sheetsBySha256);
        if (files.isEmpty()) {
            throw ApiException.invalid("invalid release files: a release needs at least one file");
        }
        String id = ReleaseIds.next(
                request.query().get("releaseIdTemplate"),
                request.query().get("releaseIdTimezone"),
                state.now(),
                state.nextIterationByPrefix);
        files.forEach(file -> state.sheetsBySha256.put(file.sha256(), file.statement()));
        String type = Json.text(body, "type");
        ReleaseRecord release = new ReleaseRecord(
                project + "/releases/" + id,
                type.isEmpty() || type.equals("TYPE_UNSPECIFIED") ? "VERSIONED" : type,
                files,
                body.get("vcsSource"),
                Json.text(body, "category"),
                SandboxState.CREATOR,
                state.now());
        state.releases.put(release.name(), release);
        return view(project, release);
    }

    /** {@code GET /v1/projects/{p}/releases/{r}}. */
    JsonNode get(ApiRequest request) {
        String project = request.project();
        return view(project, release(state, project + "/releases/" + request.var(1)));
    }

    /** {@code GET /v1/projects/{p}/releases}: every release, newest first, in one page. */
    JsonNode list(ApiRequest request) {
        String project = request.project();
        List<ReleaseRecord> releases = new ArrayList<>(state.releases.values());
        ObjectNode response = Json.object();
        ArrayNode array = Json.array();
        for (int i = releases.size() - 1; i >= 0; i--) {
            array.add(view(project, releases.get(i)));
        }
        return Json.putArray(response, "releases", array);
    }

    static ReleaseRecord release(SandboxState state, String name) {
        ReleaseRecord release = state.releases.get(name);
        if (release == null) {
            throw ApiException.notFound("release \"" + name + "\" not found");
        }
        return release;
    }

    private static ObjectNode view(String project, ReleaseRecord release) {
        ObjectNode node = Json.object();
        node.put("name", release.name());
        ArrayNode files = node.putArray("files");
        for (ReleaseFile file : release.files()) {
            ObjectNode json = files.addObject();
            Json.put(json, "path", file.path());
            Json.put(json, "version", file.version());
            json.put("sheet", ReleaseFiles.sheetName(project, file.sha256()));
            json.put("sheetSha256", file.sha256());
        }
        if (release.vcsSource() != null && !release.vcsSource().isNull()) {
            node.set("vcsSource", release.vcsSource());
        }
        node.put("creator", release.creator());
        Json.put(node, "createTime", release.createTime());
        node.put("state", "ACTIVE");
        node.put("type", release.type());
        Json.put(node, "category", release.category());
        return node;
    }
}
