package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.BytebaseNotFoundException;
import io.jenkins.plugins.bytebase.core.client.dto.ChangeDatabaseConfig;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.PlanSpec;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The first half of a rollout: checks the request, then creates release, plan and rollout (or continues a plan).
 *
 * <p>Once Bytebase has answered (login and version probe), an outage is waited out, up to the rollout's deadline or
 * {@link #OUTAGE_LIMIT}. A create whose answer was lost is never sent again blindly: what it may have made is read back
 * first ({@link ReleaseFinder}, {@link PlanFinder}, the plan's rollout) and used when found, so there is never a
 * second release or plan, and no build fails for a create that was carried out.
 */
final class RolloutStarter {

    /** How long an outage is waited out while creating, when the rollout has no deadline. */
    static final Duration OUTAGE_LIMIT = Duration.ofMinutes(10);

    /**
     * When to look for what a create without answer made: at once, then twice more, in case a proxy gave up on the
     * request (504) while the server was still carrying it out.
     */
    private static final List<Duration> LOOKS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(15));

    private static final String NOTHING_MADE = "nothing was created by that request; run again";

    private final BytebaseClient client;
    private final RolloutListener listener;
    private final SnapshotMapper snapshots;
    private final Clock clock;
    private final RolloutEngine.Sleeper sleeper;
    private final PollBackoff outageBackoff;
    private RideOut rideOut;

    RolloutStarter(
            BytebaseClient client,
            RolloutListener listener,
            SnapshotMapper snapshots,
            Clock clock,
            RolloutEngine.Sleeper sleeper,
            PollBackoff outageBackoff) {
        this.client = client;
        this.listener = listener;
        this.snapshots = snapshots;
        this.clock = clock;
        this.sleeper = sleeper;
        this.outageBackoff = outageBackoff;
    }

    /** Creates what the (already {@link RequestCheck#validate validated}) request asks for. */
    RolloutHandle start(RolloutRequest request, long deadlineEpochMillis, long firstDelayMillis) {
        // Login and version probe first: a wrong URL or secret fails here at once instead of being waited out.
        client.serverInfo();
        long until = deadlineEpochMillis > 0 ? deadlineEpochMillis : clock.millis() + OUTAGE_LIMIT.toMillis();
        rideOut = new RideOut(clock, sleeper, listener, outageBackoff, until);
        String release = "";
        Plan plan;
        if (isBlank(request.plan())) {
            release = createRelease(request);
            plan = createPlan(request, release);
        } else {
            plan = rideOut.read("reading plan " + request.plan(), () -> client.getPlan(request.plan()));
            release = releaseOf(plan);
            listener.onEvent(new RolloutEvent(
                    RolloutEvent.Type.PLAN_CONTINUED,
                    "Continuing plan " + plan.name() + titleOf(plan) + (release.isEmpty() ? "" : " of " + release),
                    client.webUrl(plan.name())));
        }
        Rollout rollout = createRollout(plan.name());
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
        Release draft = Release.draft(type, files, request.vcsSource());
        String template = blankToNull(request.releaseIdTemplate());
        String timezone = blankToNull(request.releaseIdTimezone());
        String what = "creating a release in " + request.project();
        long sentAt = clock.millis();
        Release created;
        String found = "";
        try {
            created = rideOut.write(what, () -> client.createRelease(request.project(), draft, template, timezone));
        } catch (BytebaseException failure) {
            if (!Outages.mayHaveBeenCarriedOut(failure)) {
                throw failure;
            }
            ReleaseFinder finder = new ReleaseFinder(client, rideOut);
            created = lookFor(
                    what,
                    failure,
                    "release of " + request.project() + " with these files, created since the request",
                    NOTHING_MADE,
                    () -> finder.find(request.project(), draft, template, timezone, sentAt, clock.millis()));
            found = "; its answer was lost, found in Bytebase";
        }
        listener.onEvent(new RolloutEvent(
                RolloutEvent.Type.RELEASE_CREATED,
                "Created release " + created.name() + " (" + describeFiles(migrations) + found + ")",
                client.webUrl(created.name())));
        return created.name();
    }

    private Plan createPlan(RolloutRequest request, String release) {
        String specId = UUID.randomUUID().toString();
        PlanSpec spec = new PlanSpec(specId, ChangeDatabaseConfig.forRelease(request.targets(), release));
        // bytebase-action names the plan after the release id; the API limits titles to 200 characters.
        String id = Names.lastSegment(release);
        String title = id.length() > 200 ? id.substring(0, 200) : id;
        Plan draft = Plan.draft(title, null, List.of(spec));
        String what = "creating a plan in " + request.project();
        long sentAt = clock.millis();
        Plan created;
        String found = "";
        try {
            created = rideOut.write(what, () -> client.createPlan(request.project(), draft));
        } catch (BytebaseException failure) {
            if (!Outages.mayHaveBeenCarriedOut(failure)) {
                throw failure;
            }
            PlanFinder finder = new PlanFinder(client, rideOut);
            String version = client.serverInfo().version();
            String conclusion = PlanFinder.numbersPlansPerProject(version)
                    ? NOTHING_MADE
                    : "Bytebase " + version + " numbers plans across projects, so it may exist all the same: look for a"
                            + " plan titled " + title + " in " + request.project() + " before running again";
            created = lookFor(
                    what,
                    failure,
                    "plan titled " + title + " with spec " + specId,
                    conclusion,
                    () -> finder.find(request.project(), title, specId, sentAt));
            found = "; its answer was lost, found in Bytebase";
        }
        listener.onEvent(new RolloutEvent(
                RolloutEvent.Type.PLAN_CREATED,
                "Created plan " + created.name() + " for " + String.join(", ", request.targets()) + found,
                client.webUrl(created.name())));
        return created;
    }

    /**
     * Creates the plan's rollout, all stages (no target). The server makes only the stages and tasks that are missing,
     * so when the answer was lost, reading back and creating again if there is none cannot make anything twice.
     */
    private Rollout createRollout(String plan) {
        String what = "creating the rollout of " + plan;
        try {
            return rideOut.write(what, () -> client.createRollout(plan, null));
        } catch (BytebaseException failure) {
            if (!Outages.mayHaveBeenCarriedOut(failure)) {
                throw failure;
            }
            announceUnknown(what, failure);
            return rideOut.read("reading back the rollout of " + plan, () -> existingRollout(plan)
                    .orElseGet(() -> client.createRollout(plan, null)));
        }
    }

    private Optional<Rollout> existingRollout(String plan) {
        try {
            return Optional.of(client.getRollout(plan));
        } catch (BytebaseNotFoundException none) {
            return Optional.empty();
        }
    }

    /**
     * Looks for what a create without answer made, a few times; fails when it is not there.
     *
     * @param conclusion what the failure tells the user to do
     */
    private <T> T lookFor(
            String what, BytebaseException failure, String sought, String conclusion, Supplier<Optional<T>> find) {
        announceUnknown(what, failure);
        for (Duration pause : LOOKS) {
            pause(pause, what);
            Optional<T> found = find.get();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new RolloutException("Bytebase did not answer " + what + " (" + Outages.reason(failure)
                + "), and it has no " + sought + ": " + conclusion);
    }

    private void announceUnknown(String what, BytebaseException failure) {
        listener.onEvent(new RolloutEvent(
                RolloutEvent.Type.OUTCOME_UNKNOWN,
                "No answer to " + what + " (" + Outages.reason(failure)
                        + "); reading back what Bytebase has before going on",
                ""));
    }

    private void pause(Duration pause, String what) {
        if (pause.isZero()) {
            return;
        }
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RolloutException("Interrupted while looking for what " + what + " made");
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
