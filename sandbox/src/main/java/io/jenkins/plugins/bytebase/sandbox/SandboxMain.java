package io.jenkins.plugins.bytebase.sandbox;

/** Starts the sandbox from the command line. */
public final class SandboxMain {

    private SandboxMain() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
