package io.jenkins.plugins.bytebase.config;

import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Manage Jenkins &gt; System &gt; Bytebase: the Bytebase servers builds may use; the first one is the default.
 * Configuration as Code: {@code unclassified: bytebase: servers: [...]}.
 *
 * <p>Saving lets go of the shared connections of servers that were removed; a server whose settings changed gets a new
 * connection at its next use ({@link SharedConnections}).
 */
@Extension
@Symbol("bytebase")
public class BytebaseGlobalConfiguration extends GlobalConfiguration {

    private List<BytebaseServer> servers = new ArrayList<>();

    public BytebaseGlobalConfiguration() {
        load();
    }

    public static BytebaseGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(BytebaseGlobalConfiguration.class);
    }

    public List<BytebaseServer> getServers() {
        return servers == null ? List.of() : servers;
    }

    @DataBoundSetter
    public void setServers(List<BytebaseServer> servers) {
        this.servers = servers == null ? new ArrayList<>() : new ArrayList<>(servers);
        save();
        SharedConnections.retainOnly(getServers());
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // A form with every server deleted has no "servers" key; start from an empty list so deletion sticks.
        servers = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        SharedConnections.retainOnly(getServers());
        return true;
    }

    /**
     * The server a step names, or the first one when it names none.
     *
     * @throws AbortException naming the configured servers when there is no such server
     */
    public BytebaseServer findServer(String name) throws AbortException {
        List<BytebaseServer> all = getServers();
        if (all.isEmpty()) {
            throw new AbortException(Messages.BytebaseGlobalConfiguration_NoServers());
        }
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted == null) {
            return all.get(0);
        }
        for (BytebaseServer server : all) {
            if (wanted.equals(server.getName())) {
                return server;
            }
        }
        String names = all.stream().map(BytebaseServer::getName).collect(Collectors.joining(", "));
        throw new AbortException(Messages.BytebaseGlobalConfiguration_UnknownServer(wanted, names));
    }
}
