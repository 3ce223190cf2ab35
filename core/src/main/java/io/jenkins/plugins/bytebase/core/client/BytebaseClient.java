package io.jenkins.plugins.bytebase.core.client;

import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Bytebase v1 REST API operations of the GitOps flow. Thread-safe; one instance per server and credentials.
 *
 * <p>Resource names are full names as the API writes them: {@code projects/p}, {@code projects/p/plans/123},
 * {@code projects/p/plans/123/rollout/stages/test}.
 */
public final class BytebaseClient {

    BytebaseClient() {}

    public static Builder builder(URI serverUrl) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The server's base URL, without a trailing slash. */
    public URI serverUrl() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Logs in if needed and reads {@code actuator/info}; cached after the first call. */
    public ServerInfo serverInfo() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public CheckReleaseResponse checkRelease(String project, CheckReleaseRequest request) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Creates a release; never retried once the request may have reached the server.
     *
     * @param releaseIdTemplate e.g. {@code release_{date}-RC{iteration}}, or {@code null} for the server's default
     * @param releaseIdTimezone e.g. {@code UTC}, or {@code null} for the server's default
     */
    public Release createRelease(String project, Release release, String releaseIdTemplate, String releaseIdTimezone) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Creates a plan; never retried once the request may have reached the server. */
    public Plan createPlan(String project, Plan plan) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Plan getPlan(String planName) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Creates the plan's rollout (idempotent on the server).
     *
     * @param target {@code null} for all stages, {@code environments/x} for that stage only
     */
    public Rollout createRollout(String planName, String target) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Rollout getRollout(String planName) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void batchRunTasks(String stageName, List<String> taskNames) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** All task runs of the plan's rollout (every stage and task). */
    public List<TaskRun> listTaskRuns(String planName) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void batchCancelTaskRuns(String stageName, List<String> taskRunNames) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The Bytebase web page of a resource: {@code {url}/{resourceName}}. */
    public String webUrl(String resourceName) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Configures a client. Only the URL and the credentials are required. */
    public static final class Builder {

        Builder() {}

        public Builder credentials(Credentials credentials) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        /** The transport; the Jenkins plugin passes one that honours the Jenkins proxy. */
        public Builder httpClient(HttpClient httpClient) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        /** Per-request timeout, default 120 s. */
        public Builder requestTimeout(Duration timeout) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        /** Connect timeout of the default transport, default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        /** Extra headers for access proxies; {@code Authorization} is refused. */
        public Builder customHeaders(Map<String, String> headers) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        /** Where warnings go (version skew, retries); default: nowhere. */
        public Builder logger(Consumer<String> logger) {
            throw new UnsupportedOperationException("not yet implemented");
        }

        public BytebaseClient build() {
            throw new UnsupportedOperationException("not yet implemented");
        }
    }
}
