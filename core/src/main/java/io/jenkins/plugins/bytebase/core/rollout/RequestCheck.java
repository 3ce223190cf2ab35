package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.Targets;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.Versions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The checks of a rollout request that need no server. */
final class RequestCheck {

    private RequestCheck() {}

    /** Checks everything that can be checked without the server, so bad input never leaves half-made resources. */
    static void validate(RolloutRequest request) {
        Targets.validateProject(request.project());
        if (!isBlank(request.targetStage())) {
            Targets.validateStage(request.targetStage());
        }
        if (request.timeout() != null
                && (request.timeout().isNegative() || request.timeout().isZero())) {
            throw new IllegalArgumentException("The rollout timeout must be positive, but was " + request.timeout());
        }
        if (!isBlank(request.plan())) {
            Targets.validatePlan(request.project(), request.plan());
            return;
        }
        Targets.validate(request.project(), request.targets());
        MigrationSet migrations = request.migrations();
        if (migrations == null || migrations.files().isEmpty()) {
            throw new IllegalArgumentException("No migration files to roll out in " + request.project()
                    + (migrations == null || migrations.warnings().isEmpty()
                            ? ""
                            : ": " + String.join("; ", migrations.warnings())));
        }
        if (!migrations.declarative()) {
            rejectDuplicateVersions(migrations.files());
        }
    }

    /**
     * A set built by {@code MigrationSets} never holds two equal versions; a set built by hand might, and the server
     * would refuse the release only after the request, so it is refused here with both names.
     */
    private static void rejectDuplicateVersions(List<MigrationFile> files) {
        Map<String, String> seen = new TreeMap<>(Versions.NUMERIC_ORDER);
        for (MigrationFile file : files) {
            String other = seen.putIfAbsent(file.version(), file.path());
            if (other != null) {
                throw new IllegalArgumentException("Files " + other + " and " + file.path() + " have the same version "
                        + file.version() + ": rename one so that every version is unique");
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
