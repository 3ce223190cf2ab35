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
import java.util.function.Consumer;

/**
 * The Bytebase v1 REST API operations of the GitOps flow. Thread-safe; one instance per server and credentials.
 *
 * <p>Resource names are full names as the API writes them: {@code projects/p}, {@code projects/p/plans/123},
 * {@code projects/p/plans/123/rollout/stages/test}.
 *
 * <p>At first use the client logs in (service account) and reads the server's version; a server outside the supported
 * window fails every call with an {@link UnsupportedServerException}. Failed calls throw {@link BytebaseException}
 * (subclasses by cause); bad arguments throw {@link IllegalArgumentException}.
 */
public final class BytebaseClient {

    private final String baseUrl;
    private final HttpExecutor executor;
    private final RetryLoop retryLoop;
    private final ErrorMapper errors;
    private final TokenManager tokens;
    private final Consumer<String> logger;
    private final Object probeLock = new Object();

    private volatile ServerInfo serverInfo;

    private BytebaseClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.logger = builder.logger;
        HttpClient httpClient = builder.httpClient != null
                ? builder.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(builder.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        Redactor redactor = new Redactor();
        builder.customHeaders.values().forEach(redactor::add);
        Duration connectTimeout = httpClient.connectTimeout().orElse(null);
        this.errors = new ErrorMapper(
                baseUrl, builder.requestTimeout, connectTimeout, builder.credentials.principal(), redactor);
        this.executor = new HttpExecutor(httpClient, baseUrl, builder.requestTimeout, builder.customHeaders);
        this.retryLoop = new RetryLoop(
                builder.retryPolicy,
                builder.sleeper,
                Math::random,
                message -> logger.accept(redactor.scrub(message)),
                errors);
        this.tokens = new TokenManager(builder.credentials, executor, retryLoop, errors, redactor, builder.clock);
    }

    public static Builder builder(URI serverUrl) {
        return new Builder(ServerUrl.normalize(serverUrl));
    }

    /** The server's base URL, without a trailing slash. */
    public URI serverUrl() {
        return URI.create(baseUrl);
    }

    /** Logs in if needed and reads {@code actuator/info}; cached after the first call. */
    public ServerInfo serverInfo() {
        ServerInfo info = serverInfo;
        if (info != null) {
            return info;
        }
        synchronized (probeLock) {
            if (serverInfo == null) {
                ApiCall call = ApiCall.get("/v1/actuator/info", "the version endpoint actuator/info");
                ActuatorInfo actuator = decode(call, ActuatorInfo.class);
                ServerInfo assessed = ServerVersions.assess(actuator.version());
                if (assessed.compatibility() == ServerInfo.Compatibility.WARNING) {
                    logger.accept("WARNING: " + assessed.message());
                }
                serverInfo = assessed;
            }
            return serverInfo;
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
        return baseUrl + "/" + name;
    }

    /** One call of any kind; package-private for tests of bodies that the operations above never build. */
    <T> T call(ApiCall call, Class<T> type) {
        ServerInfo info = serverInfo();
        if (info.compatibility() == ServerInfo.Compatibility.UNSUPPORTED) {
            throw new UnsupportedServerException(
                    0,
                    "",
                    info.message(),
                    "This client needs Bytebase " + ServerVersions.WINDOW + "; nothing was sent to the server",
                    null);
        }
        return decode(call, type);
    }

    /**
     * Sends with the current token. A 401 means the token was refused: a service account logs in once more and the
     * call is replayed once (the server did nothing with a refused request); a second 401 is an error.
     */
    private HttpResult exchange(ApiCall call, WireJson.BodyReader reader) {
        String token = tokens.token();
        HttpResult result = send(call, token, reader);
        if (result.status() == 401) {
            if (!tokens.canRenew()) {
                throw errors.accessTokenRefused(result);
            }
            tokens.refused(token);
            String fresh = tokens.token();
            result = send(call, fresh, reader);
        }
        if (!result.isSuccess()) {
            throw errors.map(call, result);
        }
        return result;
    }

    private HttpResult send(ApiCall call, String token, WireJson.BodyReader reader) {
        return retryLoop.execute(call, () -> executor.send(call, token, reader));
    }

    /** The answer read as it arrives into {@code type}; not the expected JSON is an error that quotes its start. */
    private <T> T decode(ApiCall call, Class<T> type) {
        HttpResult result = exchange(call, WireJson.reader(type));
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

    /** Configures a client. Only the URL and the credentials are required. */
    public static final class Builder {

        private final String baseUrl;
        private Credentials credentials;
        private HttpClient httpClient;
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Map<String, String> customHeaders = Map.of();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Consumer<String> logger = message -> {};
        private RetryLoop.Sleeper sleeper = RetryLoop.THREAD_SLEEP;
        private Clock clock = Clock.systemUTC();

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The transport; the Jenkins plugin passes one that honours the Jenkins proxy. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Per-request timeout, default 120 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /** Connect timeout of the default transport, default 10 s. An injected {@link HttpClient} keeps its own. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** Extra headers for access proxies; {@code Authorization} is refused. */
        public Builder customHeaders(Map<String, String> headers) {
            this.customHeaders = CustomHeaders.validate(headers);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Where warnings go (version skew, retries); default: nowhere. */
        public Builder logger(Consumer<String> logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** How the client waits between attempts; for tests. */
        Builder sleeper(RetryLoop.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The time source of token expiry; for tests. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public BytebaseClient build() {
            if (credentials == null) {
                throw new IllegalArgumentException(
                        "No credentials: give a service account and its secret, or an access token");
            }
            return new BytebaseClient(this);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("The " + what + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
