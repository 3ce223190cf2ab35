package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.Targets;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.dto.ChangeDatabaseConfig;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.PlanSpec;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.Versions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The first half of a rollout: checks the request, then creates release, plan and rollout (or continues a plan). */
final class RolloutStarter {

    private final BytebaseClient client;
    private final RolloutListener listener;
    private final SnapshotMapper snapshots;

    RolloutStarter(BytebaseClient client, RolloutListener listener, SnapshotMapper snapshots) {
        this.client = client;
        this.listener = listener;
        this.snapshots = snapshots;
    }

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

    /** Creates what the (already {@link #validate validated}) request asks for. */
    RolloutHandle start(RolloutRequest request, long deadlineEpochMillis, long firstDelayMillis) {
        String release = "";
        Plan plan;
        if (isBlank(request.plan())) {
            release = createRelease(request);
            plan = createPlan(request, release);
        } else {
            plan = client.getPlan(request.plan());
            release = releaseOf(plan);
            listener.onEvent(new RolloutEvent(
                    RolloutEvent.Type.PLAN_CONTINUED,
                    "Continuing plan " + plan.name() + titleOf(plan) + (release.isEmpty() ? "" : " of " + release),
                    client.webUrl(plan.name())));
        }
        // Idempotent on the server: for a continued plan it only adds missing tasks. No target: all stages.
        Rollout rollout = client.createRollout(plan.name(), null);
        RolloutSnapshot snapshot = snapshots.snapshot(release, plan.name(), rollout);
        listener.onEvent(new RolloutEvent(
                RolloutEvent.Type.ROLLOUT_CREATED,
                "Rollout " + snapshot.rollout() + " with stages " + describeStages(snapshot),
                snapshot.rolloutUrl()));
        String fingerprint = Fingerprint.of(snapshot, List.of(), List.of()).format();
        return new RolloutHandle(
                request.project(),
                release,
                plan.name(),
                snapshot.rollout(),
                isBlank(request.targetStage()) ? "" : request.targetStage(),
                deadlineEpochMillis,
                firstDelayMillis,
                fingerprint);
    }

    private String createRelease(RolloutRequest request) {
        MigrationSet migrations = request.migrations();
        List<ReleaseFile> files = migrations.releaseFiles().stream()
                .map(file -> ReleaseFile.of(file.path(), file.version(), file.content()))
                .toList();
        ReleaseType type = migrations.declarative() ? ReleaseType.DECLARATIVE : ReleaseType.VERSIONED;
        Release created = client.createRelease(
                request.project(),
                Release.draft(type, files, request.vcsSource()),
                blankToNull(request.releaseIdTemplate()),
                blankToNull(request.releaseIdTimezone()));
        listener.onEvent(new RolloutEvent(
                RolloutEvent.Type.RELEASE_CREATED,
                "Created release " + created.name() + " (" + describeFiles(migrations) + ")",
                client.webUrl(created.name())));
        return created.name();
    }

    private Plan createPlan(RolloutRequest request, String release) {
        PlanSpec spec =
                new PlanSpec(UUID.randomUUID().toString(), ChangeDatabaseConfig.forRelease(request.targets(), release));
        // bytebase-action names the plan after the release id; the API limits titles to 200 characters.
        String title = Names.lastSegment(release);
        Plan created = client.createPlan(
                request.project(),
                Plan.draft(title.length() > 200 ? title.substring(0, 200) : title, null, List.of(spec)));
        listener.onEvent(new RolloutEvent(
                RolloutEvent.Type.PLAN_CREATED,
                "Created plan " + created.name() + " for " + String.join(", ", request.targets()),
                client.webUrl(created.name())));
        return created;
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

    private static String describeFiles(MigrationSet migrations) {
        int count = migrations.files().size();
        return (migrations.declarative() ? "declarative, " : "") + count + (count == 1 ? " file" : " files");
    }

    static String describeStages(RolloutSnapshot snapshot) {
        if (snapshot.stages().isEmpty()) {
            return "(none)";
        }
        return snapshot.stages().stream()
                .map(stage -> stage.environment() + " ("
                        + PollDecision.taskCount(stage.tasks().size()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * The release a continued plan deploys, from its first spec that names one; empty for a plan made from sheets.
     * GitOps plans hold a single spec.
     */
    static String releaseOf(Plan plan) {
        for (PlanSpec spec : plan.specs()) {
            ChangeDatabaseConfig config = spec.changeDatabaseConfig();
            if (config != null && !isBlank(config.release())) {
                return config.release();
            }
        }
        return "";
    }

    private static String titleOf(Plan plan) {
        return isBlank(plan.title()) ? "" : " (" + plan.title() + ")";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text;
    }
}
