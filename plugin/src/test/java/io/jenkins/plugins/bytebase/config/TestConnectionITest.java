package io.jenkins.plugins.bytebase.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.FormValidation;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.verb.POST;

@WithJenkins
class TestConnectionITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private static final String ENDPOINT = "descriptorByName/" + BytebaseServer.class.getName() + "/testConnection";

    @Test
    void shouldReportTheServerVersion(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.addServiceAccount(sandbox);

        FormValidation result = descriptor().doTestConnection(sandbox.url().toString(), Fixtures.CREDENTIALS_ID, "10");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(result.renderHtml()).contains("3.21.1");
    }

    @Test
    void shouldReportAWrongSecretWithoutShowingIt(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL,
                "wrong",
                "",
                BytebaseSandbox.SERVICE_ACCOUNT,
                "bbs_wrong_secret_value"));

        FormValidation result = descriptor().doTestConnection(sandbox.url().toString(), "wrong", "10");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.renderHtml()).contains("401").doesNotContain("bbs_wrong_secret_value");
    }

    @Test
    void shouldAnswerOnlyPostFromAnAdministrator(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.addServiceAccount(sandbox);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("alice")
                .grant(Jenkins.READ)
                .everywhere()
                .to("bob"));
        // Basic authentication with the password instead of a crumb: the dummy realm's password is the user name.
        j.jenkins.setCrumbIssuer(null);
        String form = "url=" + URLEncoder.encode(sandbox.url().toString(), StandardCharsets.UTF_8) + "&credentialsId="
                + Fixtures.CREDENTIALS_ID + "&timeoutSeconds=10";

        HttpResponse<String> admin = call(j, "POST", "alice", form);
        HttpResponse<String> reader = call(j, "POST", "bob", form);
        HttpResponse<String> get = call(j, "GET", "alice", form);

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("3.21.1");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.body()).doesNotContain("3.21.1");
        assertThat(get.statusCode()).isNotEqualTo(200);
        assertThat(get.body()).doesNotContain("3.21.1");
        assertThat(BytebaseServer.DescriptorImpl.class
                        .getMethod("doTestConnection", String.class, String.class, String.class)
                        .isAnnotationPresent(POST.class))
                .isTrue();
    }

    private static BytebaseServer.DescriptorImpl descriptor() {
        return Jenkins.get().getDescriptorByType(BytebaseServer.DescriptorImpl.class);
    }

    private static HttpResponse<String> call(JenkinsRule j, String method, String user, String form)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(j.getURL().toString() + ENDPOINT + (method.equals("GET") ? "?" + form : ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.GET();
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
