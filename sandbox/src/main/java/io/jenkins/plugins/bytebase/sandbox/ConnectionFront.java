package io.jenkins.plugins.bytebase.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the sandbox's HTTP server that ends idle keep-alive connections as a load balancer does
 * ({@link IdleClose}). The JDK's HTTP server offers no per-server idle timeout and no hold on its sockets, so the
 * connections the client sees are this relay's: one client connection, one connection to the HTTP server, bytes
 * copied both ways by two threads. Only started when an idle close is configured.
 */
final class ConnectionFront {

    private static final AtomicInteger LINKS = new AtomicInteger();

    private final InetSocketAddress backend;
    private final long idleNanos;
    private final IdleClose mode;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    private ServerSocket listener; // guarded by this

    ConnectionFront(InetSocketAddress backend, Duration idleTimeout, IdleClose mode) {
        this.backend = backend;
        this.idleNanos = idleTimeout.toNanos();
        this.mode = mode;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "bytebase-sandbox-front-sweep"));
        if (mode == IdleClose.AT_TIMEOUT) {
            long period = Math.max(10, idleTimeout.toMillis() / 10);
            sweeper.scheduleAtFixedRate(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Listens on this address (port 0: a free one) and relays every connection accepted. */
    synchronized void start(InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 64);
        listener = socket;
        daemon(() -> accept(socket), "bytebase-sandbox-front").start();
    }

    synchronized InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Stops listening (new connections are refused) and closes every open connection. */
    synchronized void stop() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::close);
    }

    void close() {
        stop();
        sweeper.shutdownNow();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket();
                server.connect(backend);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                int id = LINKS.incrementAndGet();
                daemon(link::relayRequests, "bytebase-sandbox-front-" + id + "-in")
                        .start();
                daemon(link::relayAnswers, "bytebase-sandbox-front-" + id + "-out")
                        .start();
            } catch (IOException e) {
                // the listener was closed, or one connection failed to set up: the client sees it closed
            }
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        links.stream().filter(link -> now - link.lastActivity >= idleNanos).forEach(Link::close);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One client connection and its connection to the HTTP server. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile long lastActivity = System.nanoTime();

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void relayRequests() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = client.getInputStream();
                    OutputStream out = server.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    if (mode != IdleClose.AT_TIMEOUT && System.nanoTime() - lastActivity >= idleNanos) {
                        breakOff();
                        return;
                    }
                    lastActivity = System.nanoTime();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: the link goes below
            } finally {
                close();
            }
        }

        void relayAnswers() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = server.getInputStream();
                    OutputStream out = client.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    lastActivity = System.nanoTime();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: the link goes below
            } finally {
                close();
            }
        }

        /** The request that met an expired connection: swallowed, then a FIN or a reset. */
        private void breakOff() throws IOException {
            if (mode == IdleClose.RESET_WHEN_USED) {
                client.setSoLinger(true, 0);
            } else {
                client.getInputStream().skip(client.getInputStream().available());
            }
            close();
        }

        void close() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }

        private void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
