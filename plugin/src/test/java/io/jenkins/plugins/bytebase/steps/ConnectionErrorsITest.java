package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Each misconfiguration fails the build with a sentence that says what to fix, and no stack trace noise. */
@WithJenkins
class ConnectionErrorsITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private static final String REVIEW = "node {\n"
            + writeMigration(NOT_NULL_SQL)
            + "  bytebaseReview project: '" + BytebaseSandbox.PROJECT + "', targets: "
            + targets(BytebaseSandbox.TEST_DATABASE) + ", filePattern: 'migrations/*.sql'\n"
            + "}\n";

    private JenkinsRule j;
    private BytebaseSandbox sandbox;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) {
        this.j = j;
        this.sandbox = sandbox;
    }

    @Test
    void shouldNameAMissingCredential() throws Exception {
        Fixtures.configureServer(sandbox.url().toString(), "no-such-credentials");

        String log = failedReview();

        assertThat(log).contains("no-such-credentials");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void shouldNameACredentialOfTheWrongType() throws Exception {
        Fixtures.add(new FileCredentialsImpl(
                CredentialsScope.GLOBAL,
                "a-secret-file",
                "not usable for Bytebase",
                "key.txt",
                SecretBytes.fromBytes("file content".getBytes(StandardCharsets.UTF_8))));
        Fixtures.configureServer(sandbox.url().toString(), "a-secret-file");

        String log = failedReview();

        assertThat(log).contains("a-secret-file").doesNotContain("file content");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void shouldRejectAUrlThatIsNotHttp() throws Exception {
        Fixtures.addServiceAccount(sandbox);
        Fixtures.configureServer("bytebase.example.com", Fixtures.CREDENTIALS_ID);

        String log = failedReview();

        assertThat(log).contains("bytebase.example.com").doesNotContain("\tat ");
    }

    @Test
    void shouldReportA401WithoutTheSecret() throws Exception {
        Fixtures.add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "wrong-secret", "", BytebaseSandbox.SERVICE_ACCOUNT, "bbs_not_the_secret"));
        Fixtures.configureServer(sandbox.url().toString(), "wrong-secret");

        String log = failedReview();

        assertThat(log).contains("401").doesNotContain("bbs_not_the_secret");
        assertThat(Fixtures.requests(sandbox, "POST", "/v1/auth/login"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(401));
        assertThat(Fixtures.requests(sandbox, "POST", "releases:check")).isEmpty();
    }

    @Test
    void shouldNameTheServerThatIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Fixtures.addServiceAccount(sandbox);
        Fixtures.configureServer("http://127.0.0.1:" + closedPort, Fixtures.CREDENTIALS_ID);

        String log = failedReview();

        assertThat(log).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void shouldNameTheConfiguredServersWhenTheStepAsksForAnUnknownOne() throws Exception {
        Fixtures.useSandbox(sandbox);

        WorkflowRun build = j.buildAndAssertStatus(
                Result.FAILURE,
                Fixtures.pipeline(j, REVIEW.replace("bytebaseReview ", "bytebaseReview server: 'qa', ")));

        assertThat(JenkinsRule.getLog(build)).contains("qa").contains(Fixtures.SERVER);
        assertThat(sandbox.requests()).isEmpty();
    }

    private String failedReview() throws Exception {
        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, Fixtures.pipeline(j, REVIEW));
        return JenkinsRule.getLog(build);
    }
}
