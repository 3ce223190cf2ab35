package io.jenkins.plugins.bytebase.benchmarks;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.client.dto.Stage;
import io.jenkins.plugins.bytebase.core.client.dto.Task;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEvent;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A two-stage rollout (environments/test, then environments/prod) of 10 files to hr_test and hr_prod with the
 * blocking {@link RolloutEngine#runToCompletion} and its default poll backoff (0.5 s growing to a 5 s cap), against
 * an in-process sandbox whose tasks spend {@code taskStepDelay} in PENDING and again in RUNNING.
 *
 * <p>Counts the requests the sandbox received by kind, and for each stage compares when it finished on the server
 * (the latest {@code updateTime} of its DONE tasks, read after the run) with when the engine reported STAGE_DONE.
 */
final class RolloutBenchmark {

    /** Requests the flow cannot do without, counted as described in docs/performance.md. */
    static final int MINIMUM_REQUESTS = 5 + 2 * 3;

    record Config(Duration taskStepDelay, Duration tokenLifetime) {}

    record StageNotice(String stage, Instant serverDone, Instant noticed) {
        Duration delay() {
            return Duration.between(serverDone, noticed);
        }
    }

    /** @param refused requests answered 401 (a token the server no longer accepted) */
    record Result(
            Config config, Duration elapsed, Map<String, Integer> requests, long refused, List<StageNotice> notices) {
        int total() {
            return requests.values().stream().mapToInt(Integer::intValue).sum();
        }

        int logins() {
            return requests.getOrDefault("login", 0);
        }

        /** Logins the client needs at most: one per renewal period (lifetime less its renewal margin), rounded up. */
        long loginBound() {
            Duration lifetime = config.tokenLifetime();
            Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofMinutes(5)) < 0
                    ? lifetime.dividedBy(10)
                    : Duration.ofMinutes(5);
            long period = lifetime.minus(margin).toMillis();
            return Math.max(1, (elapsed.toMillis() + period - 1) / period);
        }
    }

    Result run(Config config) throws InterruptedException {
        SandboxOptions options = SandboxOptions.defaults()
                .withTaskStepDelay(config.taskStepDelay())
                .withTokenLifetime(config.tokenLifetime());
        try (BytebaseSandbox sandbox = BytebaseSandbox.start(options)) {
            BytebaseClient client = BytebaseClient.builder(sandbox.url())
                    .credentials(
                            Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret()))
                    .build();
            Map<String, Instant> noticed = new ConcurrentHashMap<>();
            RolloutEngine engine = new RolloutEngine(
                    client,
                    event -> {
                        if (event.type() == RolloutEvent.Type.STAGE_DONE) {
                            noticed.put(lastSegment(event.url()), Instant.now());
                        }
                    },
                    Clock.systemUTC());
            RolloutRequest request = new RolloutRequest(
                    BytebaseSandbox.PROJECT,
                    ReviewRun.TARGETS,
                    MigrationSets.versioned(MigrationGenerator.generate(10), "migrations/**/*.sql"),
                    null,
                    BytebaseSandbox.PROD_ENVIRONMENT,
                    null,
                    null,
                    Duration.ofMinutes(5));
            long start = System.nanoTime();
            PollResult result = engine.runToCompletion(request);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            List<RecordedRequest> recorded = sandbox.requests();
            Map<String, Integer> requests = countByKind(recorded);
            long refused = recorded.stream().filter(r -> r.status() == 401).count();
            // read after counting, so this extra request is not counted
            List<StageNotice> notices = new ArrayList<>();
            for (Stage stage : client.getRollout(result.handle().plan()).stages()) {
                String id = lastSegment(stage.name());
                Instant done = stage.tasks().stream()
                        .map(Task::updateTime)
                        .map(Instant::parse)
                        .max(Instant::compareTo)
                        .orElseThrow();
                notices.add(new StageNotice(id, done, noticed.get(id)));
            }
            return new Result(config, elapsed, requests, refused, notices);
        }
    }

    static Map<String, Integer> countByKind(List<RecordedRequest> requests) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RecordedRequest request : requests) {
            counts.merge(kind(request), 1, Integer::sum);
        }
        return counts;
    }

    private static String kind(RecordedRequest request) {
        String path = request.path().replaceAll("\\?.*", "");
        boolean post = request.method().equals("POST");
        if (path.equals("/v1/auth/login")) {
            return "login";
        } else if (path.equals("/v1/actuator/info")) {
            return "actuator";
        } else if (post && path.endsWith("/releases")) {
            return "create release";
        } else if (post && path.endsWith("/plans")) {
            return "create plan";
        } else if (path.endsWith("/rollout")) {
            return post ? "create rollout" : "get rollout";
        } else if (path.endsWith(":batchRun")) {
            return "batch run";
        }
        return request.method() + " " + path;
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
