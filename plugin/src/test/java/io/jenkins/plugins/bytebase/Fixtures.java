package io.jenkins.plugins.bytebase;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.bytebase.config.BytebaseGlobalConfiguration;
import io.jenkins.plugins.bytebase.config.BytebaseServer;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** What the integration tests share: the sandbox wired into Jenkins, the tutorials' migrations, small waits. */
public final class Fixtures {

    /** The name of the configured server, the default one. */
    public static final String SERVER = "sandbox";

    /** Id of the username/password credentials holding the sandbox's service account. */
    public static final String CREDENTIALS_ID = "bytebase-service-account";

    public static final String MIGRATION_PATH = "migrations/1.0.0_create_t1.sql";

    /** The tutorials' first migration: {@code name} may be NULL, so the review warns on line 3. */
    public static final String NULLABLE_SQL = "CREATE TABLE t1 (\n  id SERIAL PRIMARY KEY,\n  name TEXT\n);\n";

    /** The fixed migration: no finding. */
    public static final String NOT_NULL_SQL =
            "CREATE TABLE t1 (\n  id SERIAL PRIMARY KEY,\n  name TEXT NOT NULL\n);\n";

    /** A migration whose task fails when it runs in the sandbox. */
    public static final String FAILING_SQL =
            BytebaseSandbox.FAIL_MARKER + "\nCREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT NOT NULL);\n";

    private Fixtures() {}

    /** Stores the sandbox's service account as global username/password credentials. */
    public static void addServiceAccount(BytebaseSandbox sandbox) throws Exception {
        add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL,
                CREDENTIALS_ID,
                "Bytebase sandbox",
                BytebaseSandbox.SERVICE_ACCOUNT,
                sandbox.serviceAccountSecret()));
    }

    /** Stores a secret text (an access token) under an id. */
    public static void addSecretText(String id, String secret) throws Exception {
        add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "token", Secret.fromString(secret)));
    }

    public static void add(Credentials credentials) throws Exception {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(credentials);
        provider.save();
    }

    /** One server, named {@link #SERVER}, at the given URL and with the given credentials id. */
    public static BytebaseServer configureServer(String url, String credentialsId) {
        BytebaseServer server = new BytebaseServer(SERVER, url);
        server.setCredentialsId(credentialsId);
        server.setTimeoutSeconds(10);
        BytebaseGlobalConfiguration configuration = BytebaseGlobalConfiguration.get();
        configuration.setServers(List.of(server));
        configuration.save();
        return server;
    }

    /** The sandbox as the default server, with its service account. */
    public static void useSandbox(BytebaseSandbox sandbox) throws Exception {
        addServiceAccount(sandbox);
        configureServer(sandbox.url().toString(), CREDENTIALS_ID);
    }

    /** A sandboxed Pipeline job running this script. */
    public static WorkflowJob pipeline(JenkinsRule j, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** A {@code writeFile} step that puts a migration into the workspace. */
    public static String writeMigration(String sql) {
        return "writeFile file: '" + MIGRATION_PATH + "', text: '''" + sql + "'''\n";
    }

    /** Groovy list literal of databases. */
    public static String targets(String... databases) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < databases.length; i++) {
            text.append(i == 0 ? "" : ", ").append('\'').append(databases[i]).append('\'');
        }
        return text.append(']').toString();
    }

    /** The requests the sandbox received whose method and path match. */
    public static List<RecordedRequest> requests(BytebaseSandbox sandbox, String method, String pathPart) {
        return sandbox.requests().stream()
                .filter(request -> request.method().equals(method))
                .filter(request -> request.path().contains(pathPart))
                .toList();
    }

    /** The plan of the first {@code tasks:batchRun} request, e.g. {@code projects/project-sample/plans/1}. */
    public static String planOfFirstBatchRun(BytebaseSandbox sandbox) {
        String path = requests(sandbox, "POST", "tasks:batchRun").get(0).path();
        return path.substring("/v1/".length(), path.indexOf("/rollout/"));
    }

    /** Waits up to {@code seconds} for a condition, polling every 100 ms. */
    public static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
