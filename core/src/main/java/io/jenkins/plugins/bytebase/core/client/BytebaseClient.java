package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bytebase.core.client.dto.ActuatorInfo;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Bytebase v1 REST API operations of the GitOps flow, for one caller: a light view of a shared
 * {@link BytebaseConnection} with credentials and a logger of its own. Thread-safe.
 *
 * <p>Resource names are full names as the API writes them: {@code projects/p}, {@code projects/p/plans/123},
 * {@code projects/p/plans/123/rollout/stages/test}.
 *
 * <p>At first use the client logs in (service account; once per token lifetime for all clients of the connection with
 * the same credentials) and the connection reads the server's version (once per 10 minutes for all its clients); a
 * server outside the supported window fails every call with an {@link UnsupportedServerException}. Failed calls throw
 * {@link BytebaseException} (subclasses by cause; {@link BytebaseOutcomeUnknownException} when a request that changes
 * something may have been carried out); bad arguments throw {@link IllegalArgumentException}.
 */
public final class BytebaseClient {

    private final BytebaseConnection connection;
    private final TokenManager tokens;
    private final Consumer<String> logger;
    private final ErrorMapper errors;
    private final RetryLoop retryLoop;
    private final AtomicBoolean versionWarned = new AtomicBoolean();

    BytebaseClient(
            BytebaseConnection connection, Credentials credentials, TokenManager tokens, Consumer<String> logger) {
        this.connection = connection;
        this.tokens = tokens;
        this.logger = logger;
        Redactor redactor = Redactor.combining(connection.headerValues(), tokens.redactor());
        this.errors = new ErrorMapper(
                connection.baseUrl(),
                connection.requestTimeout(),
                connection.connectTimeout(),
                credentials.principal(),
                redactor);
        this.retryLoop = new RetryLoop(
                connection.retryPolicy(),
                connection.sleeper(),
                Math::random,
                message -> logger.accept(redactor.scrub(message)),
                errors);
    }

    /**
     * A client on a connection of its own. To share one connection among many callers, build a
     * {@link BytebaseConnection} and ask it for {@link BytebaseConnection#client clients} instead.
     */
    public static Builder builder(URI serverUrl) {
        return new Builder(BytebaseConnection.builder(serverUrl));
    }

    /** The connection this client uses, shared with the other clients made from it. */
    public BytebaseConnection connection() {
        return connection;
    }

    /** The server's base URL, without a trailing slash. */
    public URI serverUrl() {
        return connection.serverUrl();
    }

    /**
     * Logs in if needed (so that this checks the credentials too) and returns the server's version from
     * {@code actuator/info}, read once per 10 minutes for all clients of the connection. A version that only warns is
     * logged once per client.
     */
    public ServerInfo serverInfo() {
        CallContext context = enter();
        try {
            tokens.token(context);
            return serverInfo(context);
        } finally {
            connection.exit();
        }
    }

    public CheckReleaseResponse checkRelease(String project, CheckReleaseRequest request) {
        return call(Requests.checkRelease(project, request), CheckReleaseResponse.class);
    }

    /**
     * Creates a release; never retried once the request may have reached the server.
     *
     * @param releaseIdTemplate e.g. {@code release_{date}-RC{iteration}}, or {@code null} for the server's default
     * @param releaseIdTimezone e.g. {@code UTC}, or {@code null} for the server's default
     */
    public Release createRelease(String project, Release release, String releaseIdTemplate, String releaseIdTimezone) {
        return call(Requests.createRelease(project, release, releaseIdTemplate, releaseIdTimezone), Release.class);
    }

    /** A release by name, e.g. {@code projects/p/releases/release_20260822-RC00}. */
    public Release getRelease(String releaseName) {
        return call(Requests.getRelease(releaseName), Release.class);
    }

    /** Creates a plan; never retried once the request may have reached the server. */
    public Plan createPlan(String project, Plan plan) {
        return call(Requests.createPlan(project, plan), Plan.class);
    }

    public Plan getPlan(String planName) {
        return call(Requests.getPlan(planName), Plan.class);
    }

    /**
     * Creates the plan's rollout (idempotent on the server).
     *
     * @param target {@code null} for all stages, {@code environments/x} for that stage only
     */
    public Rollout createRollout(String planName, String target) {
        return call(Requests.createRollout(planName, target), Rollout.class);
    }

    public Rollout getRollout(String planName) {
        return call(Requests.getRollout(planName), Rollout.class);
    }

    public void batchRunTasks(String stageName, List<String> taskNames) {
        call(Requests.batchRunTasks(stageName, taskNames), JsonNode.class);
    }

    /** All task runs of the plan's rollout (every stage and task). */
    public List<TaskRun> listTaskRuns(String planName) {
        return call(Requests.listTaskRuns(planName), TaskRunPage.class).taskRuns();
    }

    public void batchCancelTaskRuns(String stageName, List<String> taskRunNames) {
        call(Requests.batchCancelTaskRuns(stageName, taskRunNames), JsonNode.class);
    }

    /** The Bytebase web page of a resource: {@code {url}/{resourceName}}. */
    public String webUrl(String resourceName) {
        if (resourceName == null || resourceName.isBlank()) {
            throw new IllegalArgumentException("The resource name for the web link is missing");
        }
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        return connection.baseUrl() + "/" + name;
    }

    /** One call of any kind; package-private for tests of bodies that the operations above never build. */
    <T> T call(ApiCall call, Class<T> type) {
        CallContext context = enter();
        try {
            ServerInfo info = serverInfo(context);
            if (info.compatibility() == ServerInfo.Compatibility.UNSUPPORTED) {
                throw new UnsupportedServerException(
                        0,
                        "",
                        info.message(),
                        "This client needs Bytebase " + ServerVersions.WINDOW + "; nothing was sent to the server",
                        null);
            }
            return decode(context, call, type);
        } finally {
            connection.exit();
        }
    }

    private CallContext enter() {
        return new CallContext(connection.enter(), retryLoop, errors);
    }

    private ServerInfo serverInfo(CallContext context) {
        ServerInfo info;
        try {
            info = connection.versions().get(() -> {
                ApiCall call = ApiCall.get("/v1/actuator/info", "the version endpoint actuator/info");
                return ServerVersions.assess(
                        decode(context, call, ActuatorInfo.class).version());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(ApiCall.get("/v1/actuator/info", "the version endpoint actuator/info"));
        }
        if (info.compatibility() == ServerInfo.Compatibility.WARNING && versionWarned.compareAndSet(false, true)) {
            logger.accept("WARNING: " + info.message());
        }
        return info;
    }

    /**
     * Sends with the current token. A 401 means the token was refused: a service account logs in once more and the
     * call is replayed once (the server did nothing with a refused request); a second 401 is an error.
     */
    private HttpResult exchange(CallContext context, ApiCall call, WireJson.BodyReader reader) {
        String token = tokens.token(context);
        HttpResult result = send(context, call, token, reader);
        if (result.status() == 401) {
            if (!tokens.canRenew()) {
                throw errors.accessTokenRefused(result);
            }
            tokens.refused(token);
            String fresh = tokens.token(context);
            result = send(context, call, fresh, reader);
        }
        if (!result.isSuccess()) {
            throw errors.map(call, result);
        }
        return result;
    }

    private HttpResult send(CallContext context, ApiCall call, String token, WireJson.BodyReader reader) {
        return retryLoop.execute(call, () -> context.transport().send(call, token, reader));
    }

    /** The answer read as it arrives into {@code type}; not the expected JSON is an error that quotes its start. */
    private <T> T decode(CallContext context, ApiCall call, Class<T> type) {
        HttpResult result = exchange(context, call, WireJson.reader(type));
        if (result.unreadable() != null || !type.isInstance(result.value())) {
            throw errors.malformed(call, result, result.unreadable());
        }
        return type.cast(result.value());
    }

    /** {@code bytebase.v1.ListTaskRunsResponse}. */
    record TaskRunPage(List<TaskRun> taskRuns) {
        TaskRunPage {
            taskRuns = taskRuns == null ? List.of() : List.copyOf(taskRuns);
        }
    }

    /** Configures a client on a connection of its own. Only the URL and the credentials are required. */
    public static final class Builder {

        private final BytebaseConnection.Builder connection;
        private Credentials credentials;
        private Consumer<String> logger = message -> {};

        private Builder(BytebaseConnection.Builder connection) {
            this.connection = connection;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The transport; it keeps its own executor and connect timeout. */
        public Builder httpClient(HttpClient httpClient) {
            connection.httpClient(httpClient);
            return this;
        }

        /** Per-request timeout, default 120 s. */
        public Builder requestTimeout(Duration timeout) {
            connection.requestTimeout(timeout);
            return this;
        }

        /** Connect timeout of the default transport, default 10 s. An injected {@link HttpClient} keeps its own. */
        public Builder connectTimeout(Duration timeout) {
            connection.connectTimeout(timeout);
            return this;
        }

        /** Extra headers for access proxies; {@code Authorization} is refused. */
        public Builder customHeaders(Map<String, String> headers) {
            connection.customHeaders(headers);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            connection.retryPolicy(retryPolicy);
            return this;
        }

        /** Where warnings go (version skew, retries); default: nowhere. */
        public Builder logger(Consumer<String> logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** How the client waits between attempts; for tests. */
        Builder sleeper(RetryLoop.Sleeper sleeper) {
            connection.sleeper(sleeper);
            return this;
        }

        /** The time source of token expiry; for tests. */
        Builder clock(Clock clock) {
            connection.clock(clock);
            return this;
        }

        public BytebaseClient build() {
            if (credentials == null) {
                throw new IllegalArgumentException(
                        "No credentials: give a service account and its secret, or an access token");
            }
            return connection.build().client(credentials, logger);
        }
    }
}
