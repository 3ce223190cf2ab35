package io.jenkins.plugins.bytebase.sandbox;

/**
 * How the sandbox ends a keep-alive connection that was idle (no byte either way) for the configured time, as the load
 * balancers, proxies and NAT gateways between a client and a real Bytebase do. See
 * {@link SandboxOptions#withIdleConnectionClose}.
 */
public enum IdleClose {

    /**
     * Closes it (FIN) when the time is up, as nginx, HAProxy or a cloud load balancer do. A client's pool usually
     * notices the close and opens a new connection for its next request; only a request sent at that very moment
     * meets the closed connection.
     */
    AT_TIMEOUT,

    /**
     * Closes it (FIN) only when the client sends its next request on it, having swallowed that request: the close and
     * the request crossed on the wire, the moment {@link #AT_TIMEOUT} leaves to chance, made certain. The request never
     * reaches the API. {@code java.net.http} reports "header parser received no bytes" (and silently repeats a GET once
     * on a new connection; any other method fails).
     */
    WHEN_USED,

    /**
     * Forgets it silently and answers the client's next request on it with a TCP reset, as a NAT gateway or an AWS
     * Network Load Balancer does after its idle timeout. The request never reaches the API; the client sees
     * "Connection reset".
     */
    RESET_WHEN_USED
}
