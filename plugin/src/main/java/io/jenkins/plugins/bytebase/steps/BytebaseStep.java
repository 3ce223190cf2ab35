package io.jenkins.plugins.bytebase.steps;

import hudson.Util;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What both Bytebase steps need: which server and credentials, the project, the target databases and the migration
 * files. Each option is declared once here; the steps add their own.
 */
public abstract class BytebaseStep extends Step {

    private String server;
    private String credentialsId;
    private String project;
    private List<String> targets = new ArrayList<>();
    private String filePattern;
    private boolean declarative;

    public String getServer() {
        return server;
    }

    @DataBoundSetter
    public void setServer(String server) {
        this.server = Util.fixEmptyAndTrim(server);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    public List<String> getTargets() {
        return targets == null ? List.of() : targets;
    }

    @DataBoundSetter
    public void setTargets(List<String> targets) {
        this.targets = StepForms.cleanTargets(targets);
    }

    /** The targets one per line, for the form. */
    public String getTargetsText() {
        return StepForms.joinTargets(getTargets());
    }

    public String getFilePattern() {
        return filePattern;
    }

    @DataBoundSetter
    public void setFilePattern(String filePattern) {
        this.filePattern = Util.fixEmptyAndTrim(filePattern);
    }

    public boolean isDeclarative() {
        return declarative;
    }

    @DataBoundSetter
    public void setDeclarative(boolean declarative) {
        this.declarative = declarative;
    }

    /** The common options, without secrets (a step holds only a credentials id). */
    String describeCommon() {
        return "server=" + server + ", credentialsId=" + credentialsId + ", project=" + project + ", targets="
                + getTargets() + ", filePattern=" + filePattern;
    }
}
