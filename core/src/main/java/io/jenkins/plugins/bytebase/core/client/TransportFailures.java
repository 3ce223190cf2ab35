package io.jenkins.plugins.bytebase.core.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What a transport failure says about the request: whether it can have reached the server, and whether it looks like a
 * connection that broke under it, as a pooled keep-alive connection does when the server or a load balancer closed it
 * while idle ({@code java.net.http} then reports "header parser received no bytes", a reset, or an end of stream).
 */
final class TransportFailures {

    private TransportFailures() {}

    /**
     * The server cannot have acted on the request: no connection was made, the TLS handshake failed, or the body could
     * not be produced (the server then never received it whole).
     */
    static boolean notCarriedOut(IOException failure) {
        return failure instanceof ConnectException
                || failure instanceof HttpConnectTimeoutException
                || failure instanceof SSLHandshakeException
                || failure instanceof HttpExecutor.UnwritableBody;
    }

    /**
     * An established connection broke before the answer: the request may have been sent. Not a timeout: a server that
     * is slow to answer is not helped by asking again at once.
     */
    static boolean brokenConnection(IOException failure) {
        return !notCarriedOut(failure) && !(failure instanceof HttpTimeoutException);
    }
}
