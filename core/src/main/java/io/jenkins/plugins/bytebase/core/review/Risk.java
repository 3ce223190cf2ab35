package io.jenkins.plugins.bytebase.core.review;

/** Risk level of a change, our own copy of the API's enum. */
public enum Risk {
    NONE,
    LOW,
    MODERATE,
    HIGH,
    UNKNOWN;

    /** The higher of two levels; {@link #UNKNOWN} counts as above {@link #NONE} only. */
    public static Risk max(Risk left, Risk right) {
        return rank(left) >= rank(right) ? left : right;
    }

    private static int rank(Risk risk) {
        if (risk == null) {
            return -1;
        }
        return switch (risk) {
            case NONE -> 0;
            case UNKNOWN -> 1;
            case LOW -> 2;
            case MODERATE -> 3;
            case HIGH -> 4;
        };
    }
}
