package io.jenkins.plugins.bytebase.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forwards TCP connections on a loopback port to the sandbox, and can stop listening and start again on the same port:
 * while stopped, every connection is refused and the open ones are cut, as when a server goes down and comes back with
 * its state.
 */
public final class TcpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket server;

    private TcpRelay(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    public static TcpRelay to(URI target) {
        try {
            return new TcpRelay(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Refuses new connections and cuts the open ones. */
    public synchronized void stop() {
        closeQuietly(server);
        sockets.forEach(TcpRelay::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port, unless it still listens. */
    public synchronized void start() {
        if (!server.isClosed()) {
            return;
        }
        try {
            server = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " again", e);
        }
        accept(server);
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        threads.execute(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    sockets.add(client);
                    sockets.add(upstream);
                    threads.execute(() -> pipe(client, upstream));
                    threads.execute(() -> pipe(upstream, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException cut) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
