package io.jenkins.plugins.bytebase.config;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.ProxyConfiguration;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.net.ServerSocket;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Builds share one connection per configured server (seen as one login for all), until the server's settings or the
 * Jenkins proxy settings change.
 */
@WithJenkins
class SharedConnectionsITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private static final String REVIEW = "node {\n"
            + writeMigration(NOT_NULL_SQL)
            + "  bytebaseReview project: '" + BytebaseSandbox.PROJECT + "', targets: "
            + targets(BytebaseSandbox.TEST_DATABASE) + ", filePattern: 'migrations/*.sql'\n"
            + "}\n";

    private JenkinsRule j;
    private BytebaseSandbox sandbox;
    private WorkflowJob job;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        this.sandbox = sandbox;
        Fixtures.useSandbox(sandbox);
        job = Fixtures.pipeline(j, REVIEW);
    }

    @Test
    void shouldMakeANewConnectionOnlyWhenTheServerOrTheProxySettingsChange() throws Exception {
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        assertThat(logins()).as("two builds, one connection").isEqualTo(1);

        int deadPort = closedPort();
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", deadPort));
        int requestsBefore = sandbox.requests().size();
        j.buildAndAssertStatus(Result.FAILURE, job);
        assertThat(sandbox.requests())
                .as("the new connection goes through the proxy, which is down")
                .hasSize(requestsBefore);

        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", deadPort, null, null, "127.0.0.1"));
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        assertThat(logins())
                .as("Bytebase's host is now exempt from the proxy: a new connection")
                .isEqualTo(2);

        BytebaseServer server =
                new BytebaseServer(Fixtures.SERVER, sandbox.url().toString());
        server.setCredentialsId(Fixtures.CREDENTIALS_ID);
        server.setTimeoutSeconds(20);
        BytebaseGlobalConfiguration.get().setServers(List.of(server));
        j.buildAndAssertSuccess(job);
        assertThat(logins())
                .as("the server's timeout changed: a new connection")
                .isEqualTo(3);
        assertThat(versionProbes()).isEqualTo(3);
    }

    @Test
    void shouldTestUnsavedSettingsWithoutTouchingTheSharedConnection() throws Exception {
        j.buildAndAssertSuccess(job);

        FormValidation result = Jenkins.get()
                .getDescriptorByType(BytebaseServer.DescriptorImpl.class)
                .doTestConnection(sandbox.url().toString(), Fixtures.CREDENTIALS_ID, "30");
        j.buildAndAssertSuccess(job);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(logins())
                .as("the check logs in on a connection of its own; the builds keep theirs, and its token")
                .isEqualTo(2);
        assertThat(versionProbes()).isEqualTo(2);
    }

    @Test
    void shouldTellProxySettingsApartWithoutHoldingThePassword() {
        ProxyConfiguration proxy =
                new ProxyConfiguration("proxy.example.com", 3128, "ci", "pr0xy-s3cret", "*.internal");
        ProxyConfiguration otherPassword =
                new ProxyConfiguration("proxy.example.com", 3128, "ci", "another-s3cret", "*.internal");
        ProxyConfiguration otherExemptions =
                new ProxyConfiguration("proxy.example.com", 3128, "ci", "pr0xy-s3cret", "*.example.com");

        String identity = ProxyIdentity.of(proxy);

        assertThat(identity)
                .contains("proxy.example.com:3128")
                .contains("ci")
                .contains("*.internal")
                .doesNotContain("pr0xy-s3cret");
        assertThat(identity)
                .isEqualTo(ProxyIdentity.of(
                        new ProxyConfiguration("proxy.example.com", 3128, "ci", "pr0xy-s3cret", "*.internal")))
                .isNotEqualTo(ProxyIdentity.of(otherPassword))
                .isNotEqualTo(ProxyIdentity.of(otherExemptions))
                .isNotEqualTo(ProxyIdentity.of(null));
    }

    private long logins() {
        return Fixtures.requests(sandbox, "POST", "/v1/auth/login").size();
    }

    private long versionProbes() {
        return Fixtures.requests(sandbox, "GET", "/v1/actuator/info").size();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
