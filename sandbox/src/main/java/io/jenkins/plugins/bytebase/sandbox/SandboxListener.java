package io.jenkins.plugins.bytebase.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * Where clients connect: the JDK's HTTP server on the sandbox's port, or, when idle connections are to be ended as a
 * load balancer does, a {@link ConnectionFront} on that port relaying to the HTTP server on a private one. Can stop
 * listening and listen again on the same port, for outages that the sandbox's state outlives.
 */
final class SandboxListener {

    private final HttpHandler handler;
    private final Executor executor;
    private final SandboxOptions options;
    private final ConnectionFront front;

    private HttpServer server; // guarded by this; null while stopped without a front
    private InetSocketAddress address; // guarded by this: the address clients use
    private boolean listening; // guarded by this

    SandboxListener(HttpHandler handler, Executor executor, SandboxOptions options) throws IOException {
        this.handler = handler;
        this.executor = executor;
        this.options = options;
        InetSocketAddress requested = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
        if (options.idleTimeout() == null) {
            this.front = null;
            this.server = newServer(requested);
            this.address = server.getAddress();
        } else {
            this.server = newServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.front = new ConnectionFront(server.getAddress(), options.idleTimeout(), options.idleClose());
            front.start(requested);
            this.address = front.address();
        }
        this.listening = true;
    }

    synchronized InetSocketAddress address() {
        return address;
    }

    /** New connections are refused and open ones closed; what the sandbox holds stays. */
    synchronized void stop() {
        if (!listening) {
            return;
        }
        listening = false;
        if (front != null) {
            front.stop();
        } else {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same address. */
    synchronized void start() {
        if (listening) {
            return;
        }
        try {
            if (front != null) {
                front.start(address);
            } else {
                server = newServer(address);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen again on " + address, e);
        }
        listening = true;
    }

    synchronized void close() {
        if (front != null) {
            front.close();
        }
        if (server != null) {
            server.stop(0);
            server = null;
        }
        listening = false;
    }

    private HttpServer newServer(InetSocketAddress at) throws IOException {
        HttpServer created = HttpServer.create(at, 64);
        created.setExecutor(executor);
        created.createContext("/", handler);
        created.start();
        return created;
    }
}
