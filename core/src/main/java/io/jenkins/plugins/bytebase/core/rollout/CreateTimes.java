package io.jenkins.plugins.bytebase.core.rollout;

import java.time.DateTimeException;
import java.time.Instant;

/** The {@code createTime} of a resource the engine looks for after a lost answer. */
final class CreateTimes {

    private CreateTimes() {}

    /** The instant; one that cannot be read counts as long ago, so a search never takes that resource for ours. */
    static Instant of(String createTime) {
        if (createTime == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(createTime);
        } catch (DateTimeException unreadable) {
            return Instant.EPOCH;
        }
    }
}
