package io.jenkins.plugins.bytebase.core.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * What every client of one Bytebase server configuration shares: one {@link HttpClient} (and so one pool of
 * keep-alive connections) running on a small bounded executor of daemon threads, one token per set of credentials
 * (one login per token lifetime for all clients, a changed secret logs in anew), and the server's version, read once
 * per 10 minutes. Thread-safe.
 *
 * <p>A {@link BytebaseClient} is a light view of a connection with credentials and a logger of its own, so that
 * many callers (build consoles) share the connection while each gets its own log lines:
 *
 * <pre>{@code
 * BytebaseConnection connection = BytebaseConnection.builder(URI.create("https://bytebase.example.com"))
 *         .httpClientBuilder(proxyAwareBuilder)   // optional: proxy, TLS, redirects of the caller's choice
 *         .requestTimeout(Duration.ofSeconds(120))
 *         .build();
 * BytebaseClient client = connection.client(credentials, console::println);
 * }</pre>
 *
 * <p>Lifetime: {@link #close()} when no client of it is needed any more. A connection that is only dropped (for
 * example replaced after a configuration change, see {@link BytebaseConnections}) goes quietly: its executor's threads
 * end after {@link #THREAD_IDLE_TIME} without work, and the {@code HttpClient} with its selector thread is collected
 * once its last client is gone (Java 17's {@code HttpClient} has no {@code close()}).
 */
public final class BytebaseConnection implements AutoCloseable {

    /** Threads of the executor unless {@link Builder#threads(int)} says otherwise. */
    public static final int DEFAULT_THREADS = 2;

    /** An executor thread without work ends after this long; the next request starts a new one. */
    public static final Duration THREAD_IDLE_TIME = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final RetryPolicy retryPolicy;
    private final RetryLoop.Sleeper sleeper;
    private final Clock clock;
    private final Redactor headerValues = new Redactor();
    private final TokenCache tokens;
    private final VersionProbe versions;
    private final String threadNamePrefix = HttpThreads.newNamePrefix();
    private final ExecutorService ownExecutor;

    private HttpExecutor transport; // guarded by this; null once closed and idle
    private boolean closed; // guarded by this
    private int callsUnderWay; // guarded by this

    private BytebaseConnection(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.tokens = new TokenCache(clock);
        this.versions = new VersionProbe(clock);
        builder.customHeaders.values().forEach(headerValues::add);
        HttpClient httpClient;
        if (builder.httpClient != null) {
            httpClient = builder.httpClient;
            this.ownExecutor = null;
        } else {
            this.ownExecutor = HttpThreads.newExecutor(threadNamePrefix, builder.threads, THREAD_IDLE_TIME);
            HttpClient.Builder http = builder.httpClientBuilder != null
                    ? builder.httpClientBuilder
                    : HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1);
            httpClient = http.executor(ownExecutor)
                    .connectTimeout(builder.connectTimeout)
                    .build();
        }
        this.connectTimeout = httpClient.connectTimeout().orElse(null);
        this.transport = new HttpExecutor(httpClient, baseUrl, requestTimeout, builder.customHeaders);
    }

    public static Builder builder(URI serverUrl) {
        return new Builder(ServerUrl.normalize(serverUrl));
    }

    /** The server's base URL, without a trailing slash. */
    public URI serverUrl() {
        return URI.create(baseUrl);
    }

    /**
     * A client that uses this connection with these credentials and writes its warnings (version skew, retries) to
     * this logger. Cheap: make one per caller. Clients with equal credentials share one token.
     */
    public BytebaseClient client(Credentials credentials, Consumer<String> logger) {
        if (credentials == null) {
            throw new IllegalArgumentException(
                    "No credentials: give a service account and its secret, or an access token");
        }
        Objects.requireNonNull(logger, "logger");
        synchronized (this) {
            if (closed) {
                throw closedError();
            }
        }
        return new BytebaseClient(this, credentials, tokens.holder(credentials), logger);
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new calls, forgets every token, and once the calls under way have finished shuts the executor down and
     * lets go of the {@code HttpClient}. Calls of its clients afterwards throw {@link IllegalStateException}.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        tokens.clear();
        if (callsUnderWay == 0) {
            release();
        }
    }

    /** Starts a call: the transport to use, until the matching {@link #exit()}. */
    synchronized HttpExecutor enter() {
        if (closed) {
            throw closedError();
        }
        callsUnderWay++;
        return transport;
    }

    synchronized void exit() {
        callsUnderWay--;
        if (closed && callsUnderWay == 0) {
            release();
        }
    }

    private void release() {
        transport = null;
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("The connection to " + baseUrl + " was closed; make a new one");
    }

    String baseUrl() {
        return baseUrl;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** The transport's connect timeout, for messages; {@code null} when a given {@code HttpClient} has none. */
    Duration connectTimeout() {
        return connectTimeout;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    RetryLoop.Sleeper sleeper() {
        return sleeper;
    }

    Redactor headerValues() {
        return headerValues;
    }

    VersionProbe versions() {
        return versions;
    }

    TokenCache tokens() {
        return tokens;
    }

    /** The executor's threads, or {@code null} when the caller supplied the {@code HttpClient}; for tests. */
    ExecutorService ownExecutor() {
        return ownExecutor;
    }

    /** What the names of this connection's executor threads start with; for tests and thread dumps. */
    String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** Configures a connection. Only the URL is required. */
    public static final class Builder {

        private final String baseUrl;
        private HttpClient httpClient;
        private HttpClient.Builder httpClientBuilder;
        private String transportIdentity = "";
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Map<String, String> customHeaders = Map.of();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int threads = DEFAULT_THREADS;
        private RetryLoop.Sleeper sleeper = RetryLoop.THREAD_SLEEP;
        private Clock clock = Clock.systemUTC();

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /**
         * The transport's settings: proxy, authenticator, TLS, redirects, HTTP version (the Jenkins plugin passes
         * {@code ProxyConfiguration.newHttpClientBuilder()}). The connection sets its own executor and connect timeout
         * on it and builds it once. Default: no proxy, no redirects, HTTP/1.1.
         */
        public Builder httpClientBuilder(HttpClient.Builder builder) {
            this.httpClientBuilder = Objects.requireNonNull(builder, "httpClientBuilder");
            this.httpClient = null;
            return this;
        }

        /**
         * A ready transport instead of {@link #httpClientBuilder}; it keeps its own executor and connect timeout, and
         * its threads stay the caller's business.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            this.httpClientBuilder = null;
            return this;
        }

        /**
         * What tells this transport's settings from others (proxy host, port, user and no-proxy list, a digest of a
         * proxy password), for {@link BytebaseConnections}, which cannot look into an {@code HttpClient.Builder}: a
         * changed identity makes a new connection. Only compared as part of a digest, never logged.
         */
        public Builder transportIdentity(String identity) {
            this.transportIdentity = Objects.requireNonNull(identity, "transportIdentity");
            return this;
        }

        /** Per-request timeout, default 120 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /** Connect timeout, default 10 s. A given {@link HttpClient} keeps its own. */
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

        /**
         * Threads of the executor the {@code HttpClient} runs on, default {@value BytebaseConnection#DEFAULT_THREADS}. They only hand
         * bytes between the selector thread and the callers, who block on their own threads; more rarely help.
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("The connection needs 1 to 64 threads, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How clients wait between attempts; for tests. */
        Builder sleeper(RetryLoop.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The time source of token expiry and the version's age; for tests. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public BytebaseConnection build() {
            return new BytebaseConnection(this);
        }

        /**
         * A digest of every setting, to tell whether two builders describe the same connection. Header values may be
         * secrets: they only enter the digest.
         */
        String settingsDigest() {
            StringBuilder text = new StringBuilder()
                    .append(baseUrl)
                    .append('\n')
                    .append(requestTimeout)
                    .append('\n')
                    .append(connectTimeout)
                    .append('\n')
                    .append(retryPolicy)
                    .append('\n')
                    .append(threads)
                    .append('\n')
                    .append(transportIdentity.length())
                    .append(':')
                    .append(transportIdentity)
                    .append('\n')
                    .append(httpClient == null ? "" : "client@" + System.identityHashCode(httpClient));
            new TreeMap<>(customHeaders).forEach((name, value) -> text.append('\n')
                    .append(name)
                    .append(':')
                    .append(value.length())
                    .append(':')
                    .append(value));
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        private static Duration positive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("The " + what + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
