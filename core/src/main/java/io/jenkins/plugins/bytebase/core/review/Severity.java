package io.jenkins.plugins.bytebase.core.review;

/** The level of a finding, our own copy of the API's advice level so stored results never depend on the API. */
public enum Severity {
    ERROR,
    WARNING,
    SUCCESS,
    UNKNOWN
}
