package io.jenkins.plugins.bytebase.core.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The connections of a process, one per named server configuration (the Jenkins plugin: one per configured server),
 * so that every caller with the same configuration shares one {@link BytebaseConnection}. Thread-safe.
 *
 * <p>When a server's settings change (URL, timeouts, headers, retry policy, threads, transport identity), the next
 * {@link #connection} call makes a new connection and drops the old one: the clients made from the old one keep
 * working until their callers let go of them, and then it is released (see {@link BytebaseConnection}).
 */
public final class BytebaseConnections implements AutoCloseable {

    private final Map<String, Entry> byName = new HashMap<>(); // guarded by this

    /**
     * The connection for this server configuration: the one in use when {@code settings} describe the same
     * configuration as when it was made, else a new one that replaces it.
     *
     * @param name what identifies the server configuration, e.g. its name in the Jenkins configuration; not secret
     * @param settings the configuration as it is now; only built when a new connection is needed
     */
    public synchronized BytebaseConnection connection(String name, BytebaseConnection.Builder settings) {
        String digest = settings.settingsDigest();
        Entry entry = byName.get(name);
        if (entry != null
                && entry.digest().equals(digest)
                && !entry.connection().isClosed()) {
            return entry.connection();
        }
        BytebaseConnection fresh = settings.build();
        byName.put(name, new Entry(digest, fresh));
        return fresh;
    }

    /** Drops the connections of server configurations that no longer exist. */
    public synchronized void retainOnly(Collection<String> names) {
        Set<String> kept = Set.copyOf(names);
        byName.keySet().removeIf(name -> !kept.contains(name));
    }

    /** Closes every connection held (for example when the process stops); calls on them fail afterwards. */
    @Override
    public synchronized void close() {
        byName.values().forEach(entry -> entry.connection().close());
        byName.clear();
    }

    /** @param digest {@link BytebaseConnection.Builder#settingsDigest()}, never the settings themselves */
    private record Entry(String digest, BytebaseConnection connection) {}
}
