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

    private final SandboxOptions options;
    private BytebaseSandbox sandbox;
    /** The context that started the sandbox; nested test classes share it and must not stop it. */
    private String ownerId;

    public BytebaseSandboxExtension() {
        this(SandboxOptions.defaults());
    }

    public BytebaseSandboxExtension(SandboxOptions options) {
        this.options = options;
    }

    /** The running sandbox (after {@code beforeAll}). */
    public BytebaseSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox starts in beforeAll; register the extension on a static"
                    + " field or with @ExtendWith");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (sandbox == null) {
            sandbox = BytebaseSandbox.start(options);
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null && context.getUniqueId().equals(ownerId)) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BytebaseSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox();
    }
}
