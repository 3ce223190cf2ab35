package io.jenkins.plugins.bytebase.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A running Bytebase API test double: real HTTP on a loopback port, strict about the wire format, state in memory.
 * It reviews SQL with a parser but never executes it.
 */
public final class BytebaseSandbox implements AutoCloseable {

    /** The seeded service account. */
    public static final String SERVICE_ACCOUNT = "api-example@service.bytebase.com";

    public static final String PROJECT = "projects/project-sample";
    public static final String TEST_DATABASE = "instances/test-sample-instance/databases/hr_test";
    public static final String PROD_DATABASE = "instances/prod-sample-instance/databases/hr_prod";
    public static final String TEST_ENVIRONMENT = "environments/test";
    public static final String PROD_ENVIRONMENT = "environments/prod";

    /** A task whose statement contains this comment fails when it runs. */
    public static final String FAIL_MARKER = "-- sandbox:fail";

    private BytebaseSandbox() {}

    public static BytebaseSandbox start(SandboxOptions options) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public URI url() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public String serviceAccountSecret() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Faults to inject into the next requests. */
    public Faults faults() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Every request received since start or the last {@link #reset()}, in order. */
    public List<RecordedRequest> requests() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Versions applied to a database, e.g. {@code TEST_DATABASE}. */
    public Set<String> appliedVersions(String database) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Back to the seeded state: no releases, plans, rollouts, applied versions, faults or recorded requests. */
    public void reset() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
