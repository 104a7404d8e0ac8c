package dev.aksh.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.lessons.Lesson.Goal;
import dev.aksh.lessons.Lesson.Look;
import dev.aksh.ranges.AuthorizedRanges;
import dev.aksh.ranges.Cidr;
import dev.aksh.sandbox.Activity;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.kube.KubeCluster;
import dev.aksh.sandbox.kube.KubeKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lessons aksh ships, one or more per seed document, all in the default sandbox world. Their
 * goals look at the sandbox from the outside — ARM's documents, the clusters' Kubernetes objects,
 * the firewalls, and what the servers saw — never at how aksh got there.
 */
public final class Lessons {
    private Lessons() {
    }

    public static List<Lesson> all() {
        return List.of(commandInvoke(), bastion(), addMyIp(), lockout(), fleet(), advise());
    }

    // ------------------------------------------------------------------ the lessons

    static Lesson commandInvoke() {
        return new Lesson(1, "Deploy nginx to a private cluster with command invoke", "003",
                """
                aks-payments is private: its API server has no public address, so kubectl on this machine cannot \
                reach it. AKS command invoke runs your command in a pod inside the cluster instead, through ARM \
                (the runCommand API), and hands back the output — no network path to the cluster needed. Files \
                go with the command: aksh zips what --file names and the pod finds them in its working directory.
                This lesson wrote a manifest for you: {file:nginx.yaml}. aks-payments is in a production subscription, so \
                aksh asks before changing it (scripts pass --yes).""",
                List.of(
                        new Goal("Deploy the nginx manifest to aks-payments with 'invoke … --file'",
                                List.of("cluster use aks-payments, then: invoke \"kubectl apply -f nginx.yaml\" --file {file:nginx.yaml}",
                                        "the command names the file by its name only; --file gives its path here"),
                                look -> {
                                    ObjectNode d = object(look, "aks-payments", "default", "nginx");
                                    if (d == null) {
                                        return "no Deployment 'nginx' in namespace default on aks-payments yet";
                                    }
                                    boolean withFile = ran(look, "aks-payments", c -> c.exitCode() != null
                                            && c.exitCode() == 0 && c.files().contains("nginx.yaml"));
                                    return withFile ? null : "nginx is there, but not from a command invoke that carried nginx.yaml";
                                }),
                        new Goal("See its pods running: list the pods of aks-payments' namespace default through command invoke",
                                List.of("invoke \"kubectl get pods -l app=nginx\"",
                                        "'invoke result ID' fetches the result of a command started with --no-wait"),
                                look -> ran(look, "aks-payments", c -> Integer.valueOf(0).equals(c.exitCode())
                                        && c.command().matches("(?s).*\\bget\\s+(pods?|po|deploy(ment)?s?|all)\\b.*")) ? null
                                        : "no 'kubectl get pods' (or deployments) ran on aks-payments since"),
                        new Goal("Clean up: delete the nginx Deployment the same way",
                                List.of("invoke \"kubectl delete deployment nginx\""),
                                look -> object(look, "aks-payments", "default", "nginx") == null ? null
                                        : "Deployment nginx is still on aks-payments")),
                """
                Command invoke needs only ARM: no VPN, no Bastion, no open API server — which is why it works \
                on a private cluster from anywhere. Its price: each command starts a pod (seconds, not \
                milliseconds), output is cut at 512 kB, and it can be turned off per cluster \
                (apiServerAccessProfile.disableRunCommand). aksh keeps the cluster in the context, zips --file \
                for you, polls the result, and gives the command's own exit code back.""",
                f -> { }, Map.of("nginx.yaml", NGINX));
    }

    static Lesson bastion() {
        return new Lesson(2, "Reach a private cluster through Bastion and list pods with your own kubectl", "001",
                """
                For day-to-day work, command invoke is slow. Azure Bastion (Standard or Premium, with native \
                client support) can tunnel a local port to the cluster's API server; then your own kubectl — its \
                plugins, its completion, its speed — works as if the cluster were next door. aksh opens the \
                tunnel, writes a kubeconfig for it, and points 'invoke' at it; 'tunnel list' shows it and \
                'tunnel close' ends the Bastion session.""",
                List.of(
                        new Goal("Open a Bastion tunnel to aks-payments",
                                List.of("cluster use aks-payments, then: connect bastion",
                                        "'connect advise' says which Bastion can do it, and why the others cannot"),
                                look -> look.events().stream().anyMatch(e -> e instanceof Activity.TunnelOpened t
                                        && named(t.clusterId(), "aks-payments")) ? null
                                        : "no Bastion has opened a tunnel to aks-payments yet"),
                        new Goal("List the pods in namespace payments with kubectl, through the tunnel",
                                List.of("invoke \"kubectl get pods -n payments\" (after connect bastion, invoke runs your kubectl)",
                                        "or, in another terminal: the KUBECONFIG=… kubectl line 'connect bastion' printed"),
                                look -> look.events().stream().anyMatch(e -> e instanceof Activity.KubeRequest k
                                        && named(k.clusterId(), "aks-payments") && k.method().equals("GET")
                                        && k.status() == 200 && k.userAgent().startsWith("kubectl/")
                                        && PODS.matcher(k.path()).matches()) ? null
                                        : "aks-payments' API server has not listed pods for kubectl yet"),
                        new Goal("Close the tunnel, so no Bastion session is left open",
                                List.of("tunnel close"),
                                look -> look.sandbox().bastions().liveSessions() == 0 ? null
                                        : look.sandbox().bastions().liveSessions() + " Bastion session(s) still open")),
                """
                The tunnel is the fast route: one Bastion session, then every kubectl call is a local \
                connection. It needs a Bastion with native client support in the cluster's VNet (or a peered \
                one), a private cluster that keeps its public FQDN (Bastion resolves that name), and your \
                Azure roles to create the session. Sessions cost money and hold a door open: close them.""",
                f -> { }, Map.of());
    }

    static Lesson addMyIp() {
        return new Lesson(3, "Add your IP to a public cluster without losing its ranges", "004",
                """
                aks-web is public, but its API server answers only the addresses in its authorized IP ranges — \
                and yours is not one of them. The ranges are one list in one property: an update replaces the \
                whole list, so a careless 'az aks update --api-server-authorized-ip-ranges <my ip>' drops every \
                other entry (and every other team). aksh reads the list, adds to it, and writes it back under \
                the document's eTag so a concurrent change is never overwritten.""",
                List.of(
                        new Goal("Add your public IP to aks-web's authorized ranges, keeping the entries already there",
                                List.of("cluster use aks-web, then: ranges show, then: ranges add-my-ip",
                                        "'ranges add-my-ip --dry-run' shows the change without making it"),
                                look -> {
                                    List<String> missing = lost(look, "aks-web");
                                    if (!missing.isEmpty()) {
                                        return gone(missing, "aks-web");
                                    }
                                    return covers(look, "aks-web") ? null : "your IP " + look.sandbox().world().myIp()
                                            + " is not in aks-web's ranges yet";
                                }),
                        new Goal("Reach aks-web's API server from here once the change has reached its firewall",
                                List.of("ranges add-my-ip --wait waits for it; or connect check",
                                        "AKS takes up to two minutes to apply new ranges (seconds in the sandbox)"),
                                look -> look.events().stream().anyMatch(e -> e instanceof Activity.PublicConnection p
                                        && p.admitted() && named(p.clusterId(), "aks-web")) ? null
                                        : "nothing from here has got through aks-web's firewall yet")),
                """
                Authorized ranges guard a public API server, not ARM: you can always change them. The danger is \
                the write, not the read — the list is replaced whole. aksh's rule: read, merge, write with \
                If-Match, and show the diff first. And the change is not instant: the firewall follows within \
                minutes, which is why --wait probes until the API server answers.""",
                f -> { }, Map.of());
    }

    static Lesson lockout() {
        return new Lesson(4, "Lock yourself out of a cluster, then recover", "004",
                """
                This time your IP is already in aks-web's authorized ranges (the lesson added {myIp}/32). You will \
                remove it — aksh refuses, because that locks you out; --force overrides — and see what still \
                works: the API server no longer answers you, but ARM does, so command invoke still runs kubectl \
                inside the cluster, and the ranges can be changed back.""",
                List.of(
                        new Goal("Remove your IP from aks-web's ranges, and wait until its firewall turns you away",
                                List.of("cluster use aks-web, then: ranges remove {myIp}/32 (refused), then again with --force",
                                        "'connect check' shows when the firewall drops you"),
                                look -> look.sandbox().admitsMyIp("aks-web") ? "aks-web's API server still lets "
                                        + look.sandbox().world().myIp() + " in" : null),
                        new Goal("While locked out, run kubectl on aks-web through command invoke",
                                List.of("invoke \"kubectl get nodes\" — it goes through ARM, which the ranges do not guard"),
                                look -> ran(look, "aks-web", c -> Integer.valueOf(0).equals(c.exitCode()))
                                        && !look.sandbox().admitsMyIp("aks-web") ? null
                                        : "no command has run on aks-web through command invoke since you were locked out"),
                        new Goal("Recover: let your IP back in, with the two original ranges still there",
                                List.of("ranges add-my-ip --wait"),
                                look -> {
                                    List<String> missing = lost(look, "aks-web");
                                    if (!missing.isEmpty()) {
                                        return gone(missing, "aks-web");
                                    }
                                    return look.sandbox().admitsMyIp("aks-web") ? null
                                            : "aks-web's API server does not let " + look.sandbox().world().myIp() + " in yet";
                                })),
                """
                A lockout is recoverable because authorized ranges guard only the API server: ARM — and with \
                it command invoke and 'ranges add-my-ip' — stays open to anyone with the roles. On real Azure \
                the firewall takes up to two minutes either way, so a lockout is noticed late and a fix works \
                late; aksh refuses the lockout up front and can wait for the fix to land.""",
                LessonFixtures::admitMyIp, Map.of());
    }

    static Lesson fleet() {
        return new Lesson(5, "Find the fleet member that failed to join, and reach the private hub", "002",
                """
                Kubernetes Fleet Manager groups member clusters under a hub. fleet-prod's hub is private, so \
                like any private cluster it is reached through Bastion; its API server speaks only to holders \
                of the Fleet Manager RBAC roles. One of fleet-prod's members never joined.""",
                List.of(
                        new Goal("Find the member of fleet-prod that failed to join, and why: "
                                + "answer with 'sandbox lesson answer MEMBER REASON-CODE'",
                                List.of("fleet use fleet-prod, then: fleet members",
                                        "the LAST ERROR column gives the code (the part before the colon)"),
                                look -> {
                                    if (look.answers().isEmpty()) {
                                        return "no answer yet";
                                    }
                                    // the latest answer alone: guessing every name at once does not count
                                    String all = look.answers().get(look.answers().size() - 1).toLowerCase(Locale.ROOT);
                                    boolean member = all.matches(".*\\bbatch\\b.*");
                                    boolean reason = all.contains("memberagentunreachable");
                                    return member && reason ? null : member ? "the member is right; the reason code is not"
                                            : reason ? "the reason is right; the member is not" : "not that one: look again";
                                }),
                        new Goal("List fleet-prod's member clusters on its private hub with kubectl, through Bastion",
                                List.of("connect bastion --fleet, then: invoke --fleet-hub \"kubectl get memberclusters\"",
                                        "'fleet hub' shows the hub cluster and the roles you hold on the fleet"),
                                look -> look.events().stream().anyMatch(e -> e instanceof Activity.KubeRequest k
                                        && k.method().equals("GET") && k.status() == 200 && k.path().contains("memberclusters")
                                        && hub(look, k.clusterId())) ? null
                                        : "the hub's API server has not listed member clusters yet")),
                """
                A member that fails to join shows it in ARM (the member's lastOperationError), not on the \
                member cluster: 'fleet members' is the place to look. The hub is a cluster like any other — \
                private here, so Bastion it is — but its API server checks Fleet Manager RBAC roles, which \
                take minutes to apply after they are granted.""",
                f -> { }, Map.of());
    }

    static Lesson advise() {
        return new Lesson(6, "Pick the right way in with connect advise", "000",
                """
                There are several ways into a private cluster — command invoke, a Bastion tunnel, a peered \
                VNet, a VM inside it, a VPN — and each cluster allows only some of them. 'connect advise' \
                reads the cluster, its network and your roles and says which ways are ready, which need \
                setup, and which cannot work, and why. Three clusters, three different answers.""",
                List.of(
                        new Goal("List the nodes of aks-ledger (hint: it does not allow command invoke)",
                                List.of("cluster use aks-ledger, then: connect advise",
                                        "connect bastion --bastion bas-ledger, then: invoke \"kubectl get nodes\""),
                                look -> nodesListed(look, "aks-ledger")),
                        new Goal("List the nodes of aks-batch (hint: its public FQDN is off)",
                                List.of("cluster use aks-batch, then: connect advise",
                                        "Bastion resolves the public FQDN, so here: invoke \"kubectl get nodes\""),
                                look -> nodesListed(look, "aks-batch")),
                        new Goal("List the nodes of aks-auto (hint: it is an AKS Automatic cluster)",
                                List.of("cluster use aks-auto, then: connect advise",
                                        "Bastion does not support AKS Automatic: invoke \"kubectl get nodes\""),
                                look -> nodesListed(look, "aks-auto"))),
                """
                No route works everywhere: command invoke can be disabled; Bastion needs native client support, \
                a route to the VNet and the public FQDN, and does not serve AKS Automatic; peering needs \
                non-overlapping address spaces and a private DNS link. 'connect advise' checks all of it from \
                ARM before you spend time on a route that cannot work, and 'connect check' tests the network \
                from where you are.""",
                f -> { }, Map.of());
    }

    // ------------------------------------------------------------------ checks

    private static final Pattern PODS = Pattern.compile("/api/v1/(namespaces/[^/]+/)?pods/?");
    private static final Pattern NODES = Pattern.compile("/api/v1/nodes/?");

    static final String NGINX = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
              labels:
                app: nginx
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27
                      ports:
                        - containerPort: 80
                      resources:
                        requests: {cpu: 50m, memory: 64Mi}
            """;

    /** Whether a cluster id is the cluster of that name. */
    static boolean named(String clusterId, String name) {
        return clusterId.substring(clusterId.lastIndexOf('/') + 1).equalsIgnoreCase(name);
    }

    private static boolean hub(Look look, String clusterId) {
        ObjectNode c = look.sandbox().state().resource(clusterId);
        return c != null && c.path("tags").hasNonNull("fleet");
    }

    private static boolean ran(Look look, String cluster, java.util.function.Predicate<Activity.RunCommand> match) {
        return look.events().stream().anyMatch(e -> e instanceof Activity.RunCommand c && named(c.clusterId(), cluster)
                && match.test(c));
    }

    private static String nodesListed(Look look, String cluster) {
        boolean listed = look.events().stream().anyMatch(e -> e instanceof Activity.KubeRequest k && named(k.clusterId(), cluster)
                && k.method().equals("GET") && k.status() == 200 && NODES.matcher(k.path()).matches())
                || ran(look, cluster, c -> Integer.valueOf(0).equals(c.exitCode())
                        && c.command().matches("(?s).*\\bget\\s+(nodes?|no)\\b.*"));
        return listed ? null : "the nodes of " + cluster + " have not been listed yet";
    }

    private static ObjectNode object(Look look, String cluster, String namespace, String name) {
        ObjectNode doc = look.sandbox().cluster(cluster);
        if (doc == null) {
            return null;
        }
        KubeCluster k = look.sandbox().kube().of(doc);
        synchronized (k) {
            return k.get(KubeKinds.DEPLOYMENT, namespace, name);
        }
    }

    /** The cluster's authorized ranges now, as ARM holds them. */
    static List<String> ranges(Look look, String cluster) {
        List<String> out = new ArrayList<>();
        ObjectNode doc = look.sandbox().cluster(cluster);
        if (doc != null) {
            for (JsonNode r : doc.at("/properties/apiServerAccessProfile/authorizedIPRanges")) {
                out.add(r.asText());
            }
        }
        return out;
    }

    private static boolean covers(Look look, String cluster) {
        try {
            return AuthorizedRanges.holder(ranges(look, cluster), Cidr.parse(look.sandbox().world().myIp())) != null;
        } catch (Cidr.Invalid e) {
            return false;
        }
    }

    private static String gone(List<String> missing, String cluster) {
        return String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " gone from " + cluster
                + "'s ranges: put " + (missing.size() == 1 ? "it" : "them") + " back";
    }

    /** The ranges the world gave the cluster that its document no longer has. */
    private static List<String> lost(Look look, String cluster) {
        List<String> now = ranges(look, cluster);
        List<String> missing = new ArrayList<>();
        ObjectNode doc = look.sandbox().cluster(cluster);
        List<String> given = doc == null ? List.of()
                : look.sandbox().state().clusterSpec(doc.get("id").asText(), cluster).authorizedIpRanges();
        for (String r : given) {
            if (now.stream().noneMatch(n -> n.equalsIgnoreCase(r))) {
                missing.add(r);
            }
        }
        return missing;
    }
}
