package io.jenkins.plugins.bytebase.benchmarks;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnection;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.client.dto.Stage;
import io.jenkins.plugins.bytebase.core.client.dto.Task;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.migration.SourceFile;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEvent;
import io.jenkins.plugins.bytebase.core.rollout.RolloutHandle;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.RequestTiming;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code N} rollouts that wait at once, as the builds of a Jenkins controller do: each has its own engine and its own
 * client (its own log), all clients from one {@link BytebaseConnection} (or, for comparison, each built on its own);
 * they are polled on a timer of 10 threads, the size of Jenkins' {@code jenkins.util.Timer}, each poll scheduled when
 * the previous one asked. Every rollout runs one stage (hr_test) whose task spends {@code taskStepDelay} PENDING and
 * then RUNNING.
 *
 * <p>All rollouts are created first (release, plan, rollout), then all first polls are scheduled at once; the first
 * poll of each runs its task. Measured: threads added by the clients ({@link ThreadCensus}), logins and version
 * probes, requests per rollout per minute of its wait (the sandbox's {@code GET …/rollout}, {@code tasks:batchRun}
 * and task-run requests of its plan, from its first poll to the poll that saw the stage done, over that time), and
 * the notice delay: the wall-clock time of the engine's STAGE_DONE event minus the task's {@code updateTime}, the
 * instant the sandbox made it DONE (same process, same clock).
 */
final class WaitingRolloutsBenchmark {

    private static final int TIMER_THREADS = 10;

    record Config(int rollouts, Duration taskStepDelay, boolean shared) {}

    record Result(
            Config config,
            Duration creation,
            Duration waitWall,
            long threadsAdded,
            String threadKinds,
            long logins,
            long probes,
            double requestsPerRolloutMinute,
            double requestsPerMinuteAll,
            List<Duration> notices,
            int failedPolls) {

        Duration notice(double quantile) {
            List<Duration> sorted = notices.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
        }
    }

    /** One waiting rollout: its engine, handle and times. */
    private static final class Waiter {
        final int index;
        final RolloutEngine engine;
        volatile RolloutHandle handle;
        volatile Instant firstPoll;
        volatile Instant noticed;

        Waiter(int index, BytebaseClient client) {
            this.index = index;
            this.engine = new RolloutEngine(client, this::onEvent, Clock.systemUTC());
        }

        private void onEvent(RolloutEvent event) {
            if (event.type() == RolloutEvent.Type.STAGE_DONE) {
                noticed = Instant.now();
            }
        }
    }

    Result run(Config config) throws InterruptedException {
        SandboxOptions options = SandboxOptions.defaults().withTaskStepDelay(config.taskStepDelay());
        try (BytebaseSandbox sandbox = BytebaseSandbox.start(options)) {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(TIMER_THREADS, task -> {
                Thread thread = new Thread(task, "benchmark-timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.prestartAllCoreThreads();
            warmUp(sandbox);
            Credentials credentials =
                    Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret());
            try (ThreadCensus census = new ThreadCensus()) {
                BytebaseConnection connection = config.shared()
                        ? BytebaseConnection.builder(sandbox.url()).build()
                        : null;
                List<Waiter> waiters = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < config.rollouts(); i++) {
                    BytebaseClient client = connection != null
                            ? connection.client(credentials, line -> {})
                            : BytebaseClient.builder(sandbox.url())
                                    .credentials(credentials)
                                    .build();
                    Waiter waiter = new Waiter(i, client);
                    waiter.handle = waiter.engine.start(request(i));
                    waiters.add(waiter);
                }
                Duration creation = Duration.ofNanos(System.nanoTime() - start);
                Instant waitStart = Instant.now();
                CountDownLatch done = new CountDownLatch(waiters.size());
                AtomicInteger failedPolls = new AtomicInteger();
                long waitStartNanos = System.nanoTime();
                for (Waiter waiter : waiters) {
                    timer.schedule(() -> poll(timer, waiter, done, failedPolls), 0, TimeUnit.MILLISECONDS);
                }
                if (!done.await(30, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the rollouts did not finish within 30 minutes");
                }
                Duration waitWall = Duration.ofNanos(System.nanoTime() - waitStartNanos);
                Instant waitEnd = Instant.now();
                timer.shutdownNow();
                census.close(); // before the reads below, whose client is not part of the figures
                long threadsAdded = census.added();
                String threadKinds = census.addedKinds();
                List<RequestTiming> timings = sandbox.timings();
                long logins = sandbox.requests().stream()
                        .filter(r -> r.path().equals("/v1/auth/login"))
                        .count();
                long probes = sandbox.requests().stream()
                        .filter(r -> r.path().equals("/v1/actuator/info"))
                        .count();
                // read after counting: these requests are not part of the figures
                BytebaseClient reader = BytebaseClient.builder(sandbox.url())
                        .credentials(credentials)
                        .build();
                List<Duration> notices = new ArrayList<>();
                double rateSum = 0;
                long waitRequests = 0;
                for (Waiter waiter : waiters) {
                    String plan = waiter.handle.plan();
                    Instant serverDone = serverDone(reader, plan);
                    notices.add(Duration.between(serverDone, waiter.noticed));
                    long count = timings.stream()
                            .filter(t -> isWaitRequest(t, plan))
                            .filter(t -> !t.received().isBefore(waiter.firstPoll))
                            .count();
                    waitRequests += count;
                    double minutes =
                            Duration.between(waiter.firstPoll, waiter.noticed).toMillis() / 60_000.0;
                    rateSum += count / minutes;
                }
                if (connection != null) {
                    connection.close();
                }
                double allMinutes = Duration.between(waitStart, waitEnd).toMillis() / 60_000.0;
                return new Result(
                        config,
                        creation,
                        waitWall,
                        threadsAdded,
                        threadKinds,
                        logins,
                        probes,
                        rateSum / waiters.size(),
                        waitRequests / allMinutes,
                        notices,
                        failedPolls.get());
            }
        }
    }

    private static void poll(
            ScheduledThreadPoolExecutor timer, Waiter waiter, CountDownLatch done, AtomicInteger failedPolls) {
        if (waiter.firstPoll == null) {
            waiter.firstPoll = Instant.now();
        }
        PollResult result;
        try {
            result = waiter.engine.poll(waiter.handle);
        } catch (RuntimeException e) {
            // as the plugin does: try again a little later
            failedPolls.incrementAndGet();
            timer.schedule(() -> poll(timer, waiter, done, failedPolls), 5, TimeUnit.SECONDS);
            return;
        }
        waiter.handle = result.handle();
        if (result.state() == PollResult.State.WAITING) {
            timer.schedule(
                    () -> poll(timer, waiter, done, failedPolls),
                    result.pollAgainIn().toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            if (result.state() == PollResult.State.FAILED) {
                throw new IllegalStateException("rollout " + waiter.index + " failed: " + result.failure());
            }
            done.countDown();
        }
    }

    /** Requests of the wait: reads of the plan's rollout, its task runs, and the runs of its tasks. */
    private static boolean isWaitRequest(RequestTiming timing, String plan) {
        String path = timing.path();
        String prefix = "/v1/" + plan + "/rollout";
        return path.startsWith(prefix) && !(timing.method().equals("POST") && path.equals(prefix));
    }

    /** When the sandbox made the stage's last task DONE. */
    private static Instant serverDone(BytebaseClient reader, String plan) {
        Stage stage = reader.getRollout(plan).stages().get(0);
        return stage.tasks().stream()
                .map(Task::updateTime)
                .map(Instant::parse)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static RolloutRequest request(int index) {
        String version = (index + 1) + ".0.0";
        List<SourceFile> files = List.of(new SourceFile(
                "migrations/" + version + "_table.sql",
                ("CREATE TABLE t" + index + " (id INT PRIMARY KEY);").getBytes(StandardCharsets.UTF_8)));
        return new RolloutRequest(
                BytebaseSandbox.PROJECT,
                List.of(BytebaseSandbox.TEST_DATABASE),
                MigrationSets.versioned(files, "migrations/*.sql"),
                null,
                BytebaseSandbox.TEST_ENVIRONMENT,
                null,
                null,
                Duration.ofMinutes(30));
    }

    /** Starts the sandbox's worker threads before the census counts, so they are not taken for the client's. */
    private static void warmUp(BytebaseSandbox sandbox) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread thread = new Thread(
                    () -> BytebaseClient.builder(sandbox.url())
                            .credentials(Credentials.serviceAccount(
                                    BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret()))
                            .build()
                            .serverInfo(),
                    "benchmark-warm-up");
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        sandbox.reset();
    }
}
