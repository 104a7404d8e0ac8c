package dev.aksh.shell.commands;

import dev.aksh.azure.CredentialSource;
import dev.aksh.azure.Identity;
import dev.aksh.azure.IdentityService;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Details.Field;
import dev.aksh.render.Style;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.ValueCompleter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Who and where: {@code login}, {@code whoami}, {@code context}. */
public final class ContextCommands {
    private static final String GROUP = "Context";

    private final IdentityService identity;
    private final SessionState session;
    private final Supplier<String> environment;
    private final Path contextFile;

    /**
     * @param environment describes where Azure is (public cloud, or the sandbox and its address)
     * @param contextFile where the context is saved
     */
    public ContextCommands(IdentityService identity, SessionState session, Supplier<String> environment, Path contextFile) {
        this.identity = identity;
        this.session = session;
        this.environment = environment;
        this.contextFile = contextFile;
    }

    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("login").group(GROUP)
                        .summary("Sign in: environment, managed identity or Azure CLI login; device code on request")
                        .description("""
                                Without options, aksh uses the first credential that works: the environment
                                (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET…), a managed identity, then the
                                Azure CLI's login ('az login'). --device-code signs in with a code on another device
                                instead (Conditional Access policies often block it). No token is ever printed.""")
                        .option(OptionSpec.flag("device-code", "sign in with a device code shown here"))
                        .option(OptionSpec.value("tenant", "TENANT", "the tenant (directory) id or domain", ValueCompleter.NONE))
                        .output()
                        .example("login", "reuse 'az login', or the environment's service principal")
                        .example("login --device-code --tenant contoso.onmicrosoft.com", "sign in from a browser elsewhere")
                        .handler(this::login).build(),
                CommandSpec.command("whoami").group(GROUP).summary("Show who aksh acts as, and in which tenant")
                        .output()
                        .example("whoami", "the signed-in user or service principal and its tenant")
                        .handler(inv -> identityResult(identity.whoami())).build(),
                CommandSpec.command("context").group(GROUP)
                        .summary("Show the whole session context: environment, subscription, cluster, fleet, route")
                        .output()
                        .example("context -o json", "the context as JSON, for scripts")
                        .handler(this::context).build());
    }

    private Result login(Invocation inv) {
        Identity who = identity.login(new CredentialSource.LoginRequest(inv.flag("device-code"), inv.option("tenant")));
        return identityResult(who);
    }

    static Result identityResult(Identity who) {
        List<Field> f = new ArrayList<>();
        f.add(Field.of(who.kind().equals("app") ? "App" : "User",
                who.displayName() != null && !"app".equals(who.kind()) ? who.name() + " (" + who.displayName() + ")" : who.name(),
                Style.BOLD));
        f.add(Field.of("Type", who.kind().equals("app") ? "service principal or managed identity" : "user"));
        f.add(Field.of("Tenant", who.tenantId()));
        f.add(Field.of("Object id", who.objectId()));
        f.add(Field.of("Signed in via", who.source()));
        f.add(Field.of("Token valid until", who.tokenExpires() == null ? "unknown" : who.tokenExpires().toString()
                + " (the token itself is never shown)"));
        return new Result.Details(f, who);
    }

    private Result context(Invocation inv) {
        SessionContext c = session.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", environment.get());
        data.put("sandbox", c.sandbox());
        data.put("subscription", c.subscription());
        data.put("cluster", c.cluster() == null ? null : clusterData(c.cluster()));
        data.put("previousCluster", c.previousCluster() == null ? null : clusterData(c.previousCluster()));
        data.put("fleet", c.fleet());
        data.put("route", c.route().label());
        data.put("tunnels", c.tunnels().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("cluster", t.cluster().name());
            m.put("port", t.port());
            return m;
        }).toList());
        data.put("readOnly", c.readOnly());
        data.put("contextFile", contextFile.toString());
        List<Field> f = new ArrayList<>();
        f.add(Field.of("Environment", environment.get(), c.sandbox() ? Style.SANDBOX : Style.PLAIN));
        f.add(Field.of("Subscription", c.subscription() == null ? "(none: 'subscription use NAME')"
                : c.subscription().name() + " (" + c.subscription().id() + ")"));
        f.add(Field.of("Cluster", c.cluster() == null ? "(none: 'cluster use NAME')"
                : c.cluster().name() + " (resource group " + c.cluster().resourceGroup() + ")", Style.BOLD));
        f.add(Field.of("Previous cluster", c.previousCluster() == null ? "(none)" : c.previousCluster().name()
                + " (resource group " + c.previousCluster().resourceGroup() + ")"));
        f.add(Field.of("Fleet", c.fleet() == null ? "(none)" : c.fleet()));
        f.add(Field.of("Route", c.routeLabel()));
        f.add(Field.of("Tunnels", c.tunnels().isEmpty() ? "(none: 'connect bastion')" : String.join(", ",
                c.tunnels().stream().map(t -> t.id() + ": " + t.cluster().name() + " on 127.0.0.1:" + t.port()).toList())));
        f.add(Field.of("Read-only", c.readOnly() ? "on" : "off", c.readOnly() ? Style.WARN : Style.PLAIN));
        f.add(Field.of("Saved in", contextFile.toString()));
        return new Result.Details(f, data);
    }

    private static Map<String, String> clusterData(ClusterRef r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("resourceGroup", r.resourceGroup());
        m.put("subscriptionId", r.subscriptionId());
        m.put("id", r.id());
        return m;
    }
}
