package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Bytebase API test double: real HTTP on a loopback port, strict about the wire format, state in memory.
 * It reviews SQL with a parser but never executes it.
 */
public final class BytebaseSandbox implements AutoCloseable {

    /** The seeded service account. */
    public static final String SERVICE_ACCOUNT = "api-example@service.bytebase.com";

    public static final String PROJECT = "projects/project-sample";
    public static final String TEST_DATABASE = "instances/test-sample-instance/databases/hr_test";
    public static final String PROD_DATABASE = "instances/prod-sample-instance/databases/hr_prod";
    public static final String TEST_ENVIRONMENT = "environments/test";
    public static final String PROD_ENVIRONMENT = "environments/prod";

    /** A database group of the project holding both databases. */
    public static final String DATABASE_GROUP = PROJECT + "/databaseGroups/all-hr";

    /** A task whose statement contains this comment fails when it runs. */
    public static final String FAIL_MARKER = "-- sandbox:fail";

    /**
     * The JDK server leaves Nagle's algorithm on unless told otherwise: it writes an answer's headers and body
     * separately, the body waits for the client's delayed ACK, and every request costs about 40 ms more. The real
     * server (Go) sends without delay. Read once, when the JDK's server classes load; a value set by the caller wins.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final SandboxListener listener;
    private final ExecutorService executor;
    private final String secret;
    private final TokenService tokens;
    private final Faults faults;
    private final SandboxState state;
    private final ApiRouter router;

    private BytebaseSandbox(SandboxOptions options) throws IOException {
        Clock clock = Clock.systemUTC();
        this.secret = options.serviceAccountSecret() == null
                        || options.serviceAccountSecret().isEmpty()
                ? TokenService.randomSecret()
                : options.serviceAccountSecret();
        this.tokens = new TokenService(secret, options.tokenLifetime(), clock);
        this.faults = new Faults(tokens);
        this.state = new SandboxState(clock, options.taskStepDelay());
        this.router = new ApiRouter(routes(options), RequestValidator::shared, tokens, faults, state);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "bytebase-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.listener = new SandboxListener(router, executor, options);
        warmUp();
    }

    /**
     * Loads the SQL parser and the schema validator in the background: their first use costs a second or two, which
     * would otherwise land on the first request of a test.
     */
    private static void warmUp() {
        Thread thread = new Thread(
                () -> {
                    new SqlReviewer().review("CREATE TABLE warm_up (id INT PRIMARY KEY);");
                    RequestValidator.shared().validate("AuthService_Login", Json.object());
                },
                "bytebase-sandbox-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public static BytebaseSandbox start(SandboxOptions options) {
        try {
            return new BytebaseSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Bytebase sandbox on port " + options.port(), e);
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public URI url() {
        InetSocketAddress address = listener.address();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    public String serviceAccountSecret() {
        return secret;
    }

    /** Faults to inject into the next requests. */
    public Faults faults() {
        return faults;
    }

    /** Every request received since start or the last {@link #reset()}, in order. */
    public List<RecordedRequest> requests() {
        return router.recorded();
    }

    /**
     * How long the sandbox spent on each request since start or the last {@link #reset()}, in the order the answers
     * were finished (which may differ from {@link #requests()} when requests overlap).
     */
    public List<RequestTiming> timings() {
        return router.timings();
    }

    /** Versions applied to a database, e.g. {@code TEST_DATABASE}, in the order they were applied. */
    public Set<String> appliedVersions(String database) {
        synchronized (state) {
            state.advance();
            return Collections.unmodifiableSet(
                    new LinkedHashSet<>(state.applied(database).keySet()));
        }
    }

    /** Every release created since start or the last {@link #reset()}, in the order created. */
    public List<String> releaseNames() {
        synchronized (state) {
            return List.copyOf(state.releases.keySet());
        }
    }

    /** Every plan created since start or the last {@link #reset()}, in the order created. */
    public List<String> planNames() {
        synchronized (state) {
            return List.copyOf(state.plans.keySet());
        }
    }

    /** Every task run created since start or the last {@link #reset()}, over all rollouts. */
    public List<String> taskRunNames() {
        synchronized (state) {
            return state.plans.values().stream()
                    .filter(plan -> plan.rollout != null)
                    .flatMap(plan -> plan.rollout.tasks().stream())
                    .flatMap(task -> task.runs.stream())
                    .map(run -> run.name)
                    .toList();
        }
    }

    /**
     * Back to the seeded state: no releases, plans, rollouts, applied versions, faults or recorded requests, and
     * listening.
     */
    public void reset() {
        listener.start();
        synchronized (state) {
            state.reset();
        }
        faults.clear();
        tokens.clear();
        router.clearRecorded();
    }

    /**
     * An outage: stops listening, so that new connections are refused, and closes the open ones. Releases, plans,
     * rollouts, task runs (which go on running), tokens, faults and recorded requests stay. {@link #startListening()}
     * ends it.
     */
    public void stopListening() {
        listener.stop();
    }

    /** Listens again on the same port, with everything the sandbox held before {@link #stopListening()}. */
    public void startListening() {
        listener.start();
    }

    @Override
    public void close() {
        listener.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BytebaseSandbox[" + url() + "]";
    }

    private List<Route> routes(SandboxOptions options) {
        ReleaseApi releases = new ReleaseApi(state);
        ReleaseCheck check = new ReleaseCheck(state);
        PlanApi plans = new PlanApi(state, faults);
        RolloutApi rollouts = new RolloutApi(state, faults);
        TaskRunApi taskRuns = new TaskRunApi(state, faults);
        String plan = "/v1/projects/{}/plans/{}";
        String stage = plan + "/rollout/stages/{}";
        return List.of(
                Route.of("GET", "/v1/actuator/info", "ActuatorService_GetActuatorInfo", false, r -> actuator(options)),
                Route.of("POST", "/v1/auth/login", "AuthService_Login", false, r -> tokens.login(r.body())),
                Route.of("POST", "/v1/projects/{}/releases:check", "ReleaseService_CheckRelease", true, check::check),
                Route.of("POST", "/v1/projects/{}/releases", "ReleaseService_CreateRelease", true, releases::create),
                Route.of("GET", "/v1/projects/{}/releases", "ReleaseService_ListReleases", true, releases::list),
                Route.of("GET", "/v1/projects/{}/releases/{}", "ReleaseService_GetRelease", true, releases::get),
                Route.of("POST", "/v1/projects/{}/plans", "PlanService_CreatePlan", true, plans::create),
                Route.of("GET", plan, "PlanService_GetPlan", true, plans::get),
                Route.of("POST", plan + "/rollout", "RolloutService_CreateRollout", true, rollouts::create),
                Route.of("GET", plan + "/rollout", "RolloutService_GetRollout", true, rollouts::get),
                Route.of("POST", stage + "/tasks:batchRun", "RolloutService_BatchRunTasks", true, taskRuns::batchRun),
                Route.of("GET", stage + "/tasks/{}/taskRuns", "RolloutService_ListTaskRuns", true, taskRuns::list),
                Route.of(
                        "POST",
                        stage + "/tasks/{}/taskRuns:batchCancel",
                        "RolloutService_BatchCancelTaskRuns",
                        true,
                        taskRuns::batchCancel));
    }

    /** {@code GET /v1/actuator/info}; like the real server it needs no token. */
    private static ObjectNode actuator(SandboxOptions options) {
        ObjectNode info = Json.object();
        info.put("version", options.version());
        info.put("gitCommit", "sandbox");
        info.put("workspace", "workspaces/sandbox");
        info.put("defaultProject", PROJECT);
        return info;
    }
}
