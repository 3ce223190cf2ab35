package io.jenkins.plugins.bytebase.core.client;

import java.time.Duration;

/** Durations as people read them in messages: {@code 120 s}, {@code 500 ms}. */
final class Durations {

    private Durations() {}

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }
}
