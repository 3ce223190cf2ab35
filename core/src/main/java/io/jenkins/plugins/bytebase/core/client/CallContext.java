package io.jenkins.plugins.bytebase.core.client;

/**
 * What one client brings to a call on the shared connection: the transport, its own retry loop (whose log lines go to
 * that client's logger) and its own error mapper (which names its credentials).
 */
record CallContext(HttpExecutor transport, RetryLoop retries, ErrorMapper errors) {}
