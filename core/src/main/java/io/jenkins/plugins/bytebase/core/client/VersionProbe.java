package io.jenkins.plugins.bytebase.core.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The server's version as last read from {@code actuator/info}, shared by every client of a connection and read again
 * after {@link #TTL}, so that an upgraded server is noticed without a restart while a thousand waiting builds cost
 * one probe every ten minutes. A failed probe is not remembered: the next call tries again.
 */
final class VersionProbe {

    static final Duration TTL = Duration.ofMinutes(10);

    private final Clock clock;
    private final SingleFlight<ServerInfo> probes = new SingleFlight<>();

    private ServerInfo info; // guarded by this
    private Instant readAt = Instant.MIN; // guarded by this

    VersionProbe(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param read reads and assesses the version; called by one caller at a time, when the last reading is too old
     * @throws InterruptedException when interrupted while another caller reads it
     */
    ServerInfo get(Supplier<ServerInfo> read) throws InterruptedException {
        ServerInfo known = fresh();
        if (known != null) {
            return known;
        }
        return probes.run(() -> {
            ServerInfo again = fresh();
            if (again != null) {
                return again; // read by a caller that finished just before this one started
            }
            ServerInfo value = read.get();
            synchronized (this) {
                info = value;
                readAt = clock.instant();
            }
            return value;
        });
    }

    private synchronized ServerInfo fresh() {
        return info != null && clock.instant().isBefore(readAt.plus(TTL)) ? info : null;
    }
}
