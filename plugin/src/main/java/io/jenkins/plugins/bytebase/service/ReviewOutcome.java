package io.jenkins.plugins.bytebase.service;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Map;

/**
 * What a review that did not fail the build gives its front end.
 *
 * @param values the map the Pipeline step returns: plain values only
 * @param unstableReason why the build was marked UNSTABLE (the policy's reason), or {@code null} when it was not; the
 *     Pipeline step marks its own stage with it
 */
public record ReviewOutcome(Map<String, Object> values, @CheckForNull String unstableReason) {

    public boolean unstable() {
        return unstableReason != null;
    }
}
