package io.jenkins.plugins.bytebase.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one sandbox on a random port per test class, {@link BytebaseSandbox#reset() reset} before each
 * test, injected as a {@link BytebaseSandbox} parameter. Use with {@code @ExtendWith} or, to choose options,
 * {@code @RegisterExtension static BytebaseSandboxExtension sandbox = new BytebaseSandboxExtension(options)}.
 */
public final class BytebaseSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    public BytebaseSandboxExtension() {
        this(SandboxOptions.defaults());
    }

    public BytebaseSandboxExtension(SandboxOptions options) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The running sandbox (after {@code beforeAll}). */
    public BytebaseSandbox sandbox() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
