package io.jenkins.plugins.bytebase.core.review;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;

/** Sends all files and targets in one {@code releases:check} request and turns the answer into a result. */
public final class ReviewService {

    private final BytebaseClient client;

    public ReviewService(BytebaseClient client) {
        this.client = client;
    }

    public ReviewResult review(ReviewRequest request) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
