package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import java.util.List;

/** The checks of the options both runners share; each failure tells the user which option to set. */
final class OptionChecks {

    private OptionChecks() {}

    /** @return the value, trimmed */
    static String required(String value, String message) throws AbortException {
        if (value == null || value.isBlank()) {
            throw new AbortException(message);
        }
        return value.trim();
    }

    /** @return the full project name, {@code projects/hr} for {@code hr} */
    static String project(String project) throws AbortException {
        return Names.project(required(project, Messages.OptionChecks_ProjectRequired()));
    }

    static List<String> targets(List<String> targets) throws AbortException {
        if (targets == null || targets.isEmpty()) {
            throw new AbortException(Messages.OptionChecks_TargetsRequired());
        }
        return targets;
    }
}
