package dev.aksh.shell.commands;

import com.azure.core.credential.AccessToken;
import dev.aksh.error.AkshException;
import dev.aksh.render.Console;
import dev.aksh.render.Result;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.ValueCompleter;
import dev.aksh.tunnel.ExecCredentials;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code kube-token}: aksh as a kubectl exec credential plugin. A kubeconfig that
 * {@code fleet get-credentials} writes runs it; it prints an ExecCredential with a token for the
 * operator's own identity, and never writes a token to a terminal.
 */
public final class KubeTokenCommands {
    private static final Pattern SERVER_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|api://[A-Za-z0-9._/-]+");

    private final Function<String, AccessToken> tokens;
    private final Console console;

    /** @param tokens a token for a scope, from the session's credential */
    public KubeTokenCommands(Function<String, AccessToken> tokens, Console console) {
        this.tokens = tokens;
        this.console = console;
    }

    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("kube-token").group("Context")
                .summary("Print an ExecCredential for kubectl (run by kubeconfigs that 'fleet get-credentials' writes)")
                .description("""
                        kubectl runs this from a kubeconfig's exec section; it prints a
                        client.authentication.k8s.io/v1beta1 ExecCredential holding a token for your Azure identity
                        (the one aksh signs in with) for the AAD server application --server-id, and its expiry.
                        It refuses to print a token to a terminal.""")
                .option(OptionSpec.value("server-id", "ID", "the AAD server application (the AKS one is "
                        + ExecCredentials.AKS_SERVER_ID + ")", ValueCompleter.of(List.of(ExecCredentials.AKS_SERVER_ID)))
                        .asRequired())
                .example("kube-token --server-id " + ExecCredentials.AKS_SERVER_ID + " | jq .status.expirationTimestamp",
                        "what kubectl gets")
                .handler(this::token).build());
    }

    private Result token(Invocation inv) {
        if (console.outputToTerminal()) {
            throw AkshException.refused("kube-token prints a token, and will not print it to a terminal",
                    "kubectl runs it from a kubeconfig's exec section ('fleet get-credentials' writes one); pipe it to "
                            + "read it yourself");
        }
        String serverId = inv.option("server-id");
        if (!SERVER_ID.matcher(serverId).matches()) {
            throw AkshException.usage("'" + serverId + "' is not an AAD application id (a GUID or api://…)",
                    "the AKS server application is " + ExecCredentials.AKS_SERVER_ID);
        }
        String scope = serverId + "/.default";
        AccessToken t = tokens.apply(scope);
        console.out().println(ExecCredentials.execCredential(t.getToken(), t.getExpiresAt()));
        console.out().flush();
        return Result.EMPTY;
    }
}
