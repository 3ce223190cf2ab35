package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseNotFoundException;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the plan that a create made when its answer was lost.
 *
 * <p>Listing plans needs {@code bb.plans.list}, which the GitOps Service Agent role does not have; reading a plan by
 * name needs only {@code bb.plans.get}. Bytebase (3.17 and later) numbers the plans of a project without gaps, each new
 * one the highest so far plus one, starting at 101. So the finder finds the highest plan id of the project by reading
 * plans by name, then reads down to the first plan created before the request, and takes the one that carries the
 * spec id this client generated for the request (a random UUID: nothing else can carry it) and the expected title.
 */
final class PlanFinder {

    /** The first id Bytebase gives a plan in a project. */
    static final long FIRST_ID = 101;

    private static final int MAX_READ_DOWN = 200;

    /** 3.15 and 3.16 number plans across the workspace; every supported version after them per project. */
    private static final Pattern OLD_RELEASE = Pattern.compile("[vV]?3\\.1[56](\\.|$)");

    private final BytebaseClient client;
    private final RideOut reads;

    PlanFinder(BytebaseClient client, RideOut reads) {
        this.client = client;
        this.reads = reads;
    }

    /** Whether the server numbers plans per project from 101 (3.17 and later), as the finder needs. */
    static boolean numbersPlansPerProject(String version) {
        Matcher release = OLD_RELEASE.matcher(version == null ? "" : version.trim());
        return !release.lookingAt();
    }

    Optional<Plan> find(String project, String title, String specId, long sentAtMillis) {
        String base = project + "/plans/";
        NumberedProbe<Plan> plans =
                new NumberedProbe<>(id -> reads.read("reading plan " + base + id, () -> get(base + id)));
        long highest = plans.highest(FIRST_ID);
        Instant notBefore = Instant.ofEpochMilli(sentAtMillis).minus(ReleaseFinder.CLOCK_MARGIN);
        for (long id = highest; id >= FIRST_ID && id > highest - MAX_READ_DOWN; id--) {
            Plan plan = plans.at(id).orElse(null);
            if (plan == null || CreateTimes.of(plan.createTime()).isBefore(notBefore)) {
                return Optional.empty();
            }
            if (title.equals(plan.title()) && plan.specs().stream().anyMatch(spec -> specId.equals(spec.id()))) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    private Optional<Plan> get(String name) {
        try {
            return Optional.of(client.getPlan(name));
        } catch (BytebaseNotFoundException missing) {
            return Optional.empty();
        }
    }
}
