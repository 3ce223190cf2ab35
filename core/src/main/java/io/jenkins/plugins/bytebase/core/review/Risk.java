package io.jenkins.plugins.bytebase.core.review;

/** Risk level of a change, our own copy of the API's enum. */
public enum Risk {
    NONE,
    LOW,
    MODERATE,
    HIGH,
    UNKNOWN
}
