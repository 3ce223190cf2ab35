package io.jenkins.plugins.bytebase.sandbox;

import java.time.Instant;

/** A release file version recorded on a database (a "revision" in Bytebase). */
record AppliedVersion(String version, String sha256, String path, String release, Instant appliedAt) {}
