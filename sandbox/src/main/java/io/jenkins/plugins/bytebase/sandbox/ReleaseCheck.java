package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/projects/{p}/releases:check}: one result per file and target database for files not yet applied
 * there. An applied version whose content changed gets a single warning instead.
 */
final class ReleaseCheck {

    /** The real server stops after this many errors and this many warnings. */
    private static final int LIMIT = 50;

    private static final List<String> RISK_ORDER = List.of("LOW", "MODERATE", "HIGH");

    private final SandboxState state;
    private final SqlReviewer reviewer = new SqlReviewer();

    ReleaseCheck(SandboxState state) {
        this.state = state;
    }

    JsonNode check(ApiRequest request) {
        String project = request.project();
        JsonNode release = request.body().path("release");
        List<String> targets = new ArrayList<>();
        request.body().path("targets").forEach(target -> targets.add(target.asText()));
        List<String> databases = Catalog.resolveTargets(project, targets);
        List<ReleaseFile> files = ReleaseFiles.read(project, release, state.sheetsBySha256);
        boolean declarative = "DECLARATIVE".equals(Json.text(release, "type"));

        Map<String, SqlReviewer.FileReview> reviews = new HashMap<>();
        ArrayNode results = Json.array();
        long totalRows = 0;
        int risk = -1;
        int errors = 0;
        int warnings = 0;
        for (ReleaseFile file : files) {
            for (String database : databases) {
                if (errors >= LIMIT && warnings >= LIMIT) {
                    break;
                }
                AppliedVersion applied = state.applied(database).get(file.version());
                List<Advice> advices = new ArrayList<>();
                SqlReviewer.FileReview review;
                if (applied != null && !declarative) {
                    if (applied.sha256().equals(file.sha256())) {
                        continue;
                    }
                    advices.add(modified(file, database));
                    review = new SqlReviewer.FileReview(advices, 0, false);
                } else {
                    if (declarative && hasEqualOrHigherVersion(database, file.version())) {
                        advices.add(olderThanApplied(file, database));
                    }
                    SqlReviewer.FileReview fileReview =
                            reviews.computeIfAbsent(file.sha256(), sha -> reviewer.review(file.sql()));
                    advices.addAll(fileReview.advices());
                    review = new SqlReviewer.FileReview(advices, fileReview.affectedRows(), fileReview.drops());
                }
                errors += (int) advices.stream()
                        .filter(a -> a.status().equals(Advice.ERROR))
                        .count();
                warnings += (int) advices.stream()
                        .filter(a -> a.status().equals(Advice.WARNING))
                        .count();
                totalRows += review.affectedRows();
                risk = Math.max(risk, RISK_ORDER.indexOf(review.riskLevel()));
                results.add(result(file, database, review));
            }
        }
        ObjectNode response = Json.object();
        if (!results.isEmpty()) {
            response.set("results", results);
        }
        Json.putInt64(response, "affectedRows", totalRows);
        if (risk >= 0) {
            response.put("riskLevel", RISK_ORDER.get(risk));
        }
        return response;
    }

    private static ObjectNode result(ReleaseFile file, String database, SqlReviewer.FileReview review) {
        ObjectNode result = Json.object();
        result.put("file", file.path());
        result.put("target", database);
        if (!review.advices().isEmpty()) {
            ArrayNode advices = result.putArray("advices");
            review.advices().forEach(advice -> advices.add(advice.toJson()));
        }
        Json.putInt64(result, "affectedRows", review.affectedRows());
        result.put("riskLevel", review.riskLevel());
        return result;
    }

    private boolean hasEqualOrHigherVersion(String database, String version) {
        return state.applied(database).keySet().stream().anyMatch(v -> Versions.compare(v, version) >= 0);
    }

    private static Advice modified(ReleaseFile file, String database) {
        return new Advice(
                Advice.WARNING,
                0,
                "Applied file has been modified",
                "The file \"" + file.path() + "\" (version " + file.version() + ") has already been applied to "
                        + database + ", but its content has changed since",
                0,
                0);
    }

    private static Advice olderThanApplied(ReleaseFile file, String database) {
        return new Advice(
                Advice.WARNING,
                0,
                "Version already applied",
                "Version " + file.version() + " of \"" + file.path() + "\" is not newer than the latest version"
                        + " applied to " + database,
                0,
                0);
    }
}
