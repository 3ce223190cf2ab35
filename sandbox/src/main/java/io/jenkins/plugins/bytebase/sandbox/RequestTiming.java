package io.jenkins.plugins.bytebase.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the sandbox spent on one request: from the call of its handler (request line and headers read) until the
 * last byte of the answer was written. Reading the body is included, so is an injected latency. A benchmark subtracts
 * it from a client's wall time to get the client's own share.
 *
 * @param method e.g. {@code POST}
 * @param path path and query, as in {@link RecordedRequest#path()}
 * @param received when the handler was called
 * @param handling the time spent
 */
public record RequestTiming(String method, String path, Instant received, Duration handling) {}
