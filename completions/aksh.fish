# fish completion for aksh — generated from aksh's command registry by CompletionScripts; do not edit.
# Install: copy to ~/.config/fish/completions/aksh.fish

function __aksh_path --description 'the aksh command words typed so far'
    set -l words (commandline -opc)
    set -e words[1]
    set -l path
    set -l skip 0
    for w in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case --sandbox-world --script
                set skip 1
            case '-*'
                if test (count $path) -gt 0
                    break
                end
            case '*'
                set path $path $w
        end
    end
    echo (string join ' ' $path)
end

complete -c aksh -f
complete -c aksh -n 'test -z (__aksh_path)' -l sandbox
complete -c aksh -n 'test -z (__aksh_path)' -l sandbox-world -r -F
complete -c aksh -n 'test -z (__aksh_path)' -l read-only
complete -c aksh -n 'test -z (__aksh_path)' -l continue-on-error
complete -c aksh -n 'test -z (__aksh_path)' -l yes
complete -c aksh -n 'test -z (__aksh_path)' -l no-color
complete -c aksh -n 'test -z (__aksh_path)' -l debug
complete -c aksh -n 'test -z (__aksh_path)' -l version
complete -c aksh -n 'test -z (__aksh_path)' -l help
complete -c aksh -n 'test -z (__aksh_path)' -l script -r -F
complete -c aksh -n 'test "(__aksh_path)" = ""' -a cluster
complete -c aksh -n 'test "(__aksh_path)" = ""' -a connect
complete -c aksh -n 'test "(__aksh_path)" = ""' -a context -d 'Show the whole session context: environment, subscription, cluster, fleet, route'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a exit -d 'Leave aksh (closes tunnels, deletes temporary credentials)'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a fleet
complete -c aksh -n 'test "(__aksh_path)" = ""' -a help -d 'List commands, or show one command\'s usage and examples'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a invoke -d 'Run kubectl or helm on the cluster: through AKS command invoke, or an open Bastion tunnel'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a kube-token -d 'Print an ExecCredential for kubectl (run by kubeconfigs that \'fleet get-credentials\' writes)'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a last -d 'Show the last command\'s result again, in another format'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a login -d 'Sign in: environment, managed identity or Azure CLI login; device code on request'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a network
complete -c aksh -n 'test "(__aksh_path)" = ""' -a quit -d 'Leave aksh (same as exit)'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a ranges
complete -c aksh -n 'test "(__aksh_path)" = ""' -a readonly -d 'Turn read-only mode on or off (saved with the context); without an argument, say which it is'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a stacktrace -d 'Show the full details of the last error'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a status -d 'Show the exit status of the last command'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a subscription
complete -c aksh -n 'test "(__aksh_path)" = ""' -a tunnel
complete -c aksh -n 'test "(__aksh_path)" = ""' -a version -d 'Show the aksh version'
complete -c aksh -n 'test "(__aksh_path)" = ""' -a whoami -d 'Show who aksh acts as, and in which tenant'
complete -c aksh -n 'test "(__aksh_path)" = "cluster"' -a list -d 'List managed clusters'
complete -c aksh -n 'test "(__aksh_path)" = "cluster"' -a show -d 'Show how a cluster can be reached: private or public, FQDNs, ranges, run command…'
complete -c aksh -n 'test "(__aksh_path)" = "cluster"' -a use -d 'Make a cluster current (\'-\' for the previous one)'
complete -c aksh -n 'test "(__aksh_path)" = "connect"' -a advise -d 'Rank the ways into the cluster (seed 000\'s seven): ready, needs setup or not possible, and why'
complete -c aksh -n 'test "(__aksh_path)" = "connect"' -a bastion -d 'Open a native Azure Bastion tunnel to the cluster; invoke then runs your own kubectl through it'
complete -c aksh -n 'test "(__aksh_path)" = "connect"' -a check -d 'From here: resolve the API server, try TCP and TLS, and say what is in the way (exit 1 if unreachable)'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a get-credentials -d 'Write or merge the hub\'s kubeconfig, signing in as you without device code'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a hub -d 'Find the hub\'s managed cluster (in the FL_ resource group) and the Fleet RBAC roles you hold'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a invoke -d 'Run one command on many members, a few at a time, output grouped per member'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a list -d 'List Kubernetes Fleet Manager fleets'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a members -d 'List a fleet\'s members: their clusters, groups, states and last errors'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a show -d 'Show a fleet: hub private or not, FQDNs, Kubernetes version, state, last error'
complete -c aksh -n 'test "(__aksh_path)" = "fleet"' -a use -d 'Make a fleet current'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -a result -d 'Fetch the result of a command submitted earlier (--no-wait, or after Ctrl-C)'
complete -c aksh -n 'test "(__aksh_path)" = "network"' -a dns -d 'Show the cluster\'s private DNS zone, the API server\'s A record, and the VNets linked to it'
complete -c aksh -n 'test "(__aksh_path)" = "network"' -a peering
complete -c aksh -n 'test "(__aksh_path)" = "network peering"' -a create -d 'Peer a VNet with the cluster\'s both ways and link it to the private DNS zone (seed 000)'
complete -c aksh -n 'test "(__aksh_path)" = "network peering"' -a show -d 'Show the cluster\'s VNet, its peerings and whether each peer can resolve the API server'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a add -d 'Add ranges (CIDR or bare IP), keeping every entry that is there'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a add-bastion-ip -d 'Add a Bastion\'s public IP, so it can tunnel to this public cluster'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a add-my-ip -d 'Add this machine\'s public IP (found through DNS or HTTPS echo services)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a check -d 'Say whether an address reaches the API server, and through which entry (exit 1 if not)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a clear -d 'Turn authorized IP ranges off: the API server answers any address (asks first)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a remove -d 'Remove entries (refused if that locks you out, unless --force)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a set -d 'Replace the whole list (asks first)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges"' -a show -d 'Show the cluster\'s authorized IP ranges, and whether this machine\'s public IP is in them'
complete -c aksh -n 'test "(__aksh_path)" = "subscription"' -a list -d 'List the subscriptions you can see'
complete -c aksh -n 'test "(__aksh_path)" = "subscription"' -a use -d 'Make a subscription current'
complete -c aksh -n 'test "(__aksh_path)" = "tunnel"' -a close -d 'Close a tunnel (the current cluster\'s, an ID, or --all): its listener, Bastion sessions, kubeconfig'
complete -c aksh -n 'test "(__aksh_path)" = "tunnel"' -a list -d 'List the open tunnels: cluster, port, connections, bytes, drops, uptime'
complete -c aksh -n 'test "(__aksh_path)" = "cluster list"' -l all-subscriptions -s A -d 'every subscription you can see, not just the current one'
complete -c aksh -n 'test "(__aksh_path)" = "cluster list"' -l resource-group -s g -r -d 'only this resource group'
complete -c aksh -n 'test "(__aksh_path)" = "cluster list"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "cluster show"' -l resource-group -s g -r -d 'only this resource group'
complete -c aksh -n 'test "(__aksh_path)" = "cluster show"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "cluster use"' -l resource-group -s g -r -d 'only this resource group'
complete -c aksh -n 'test "(__aksh_path)" = "connect advise"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l bastion -r -d 'the Bastion to use (default: find it)'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l port -s p -r -d 'the local port (default: a free one)'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l admin -d 'use the cluster\'s admin credentials instead of your own'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l kubeconfig -x -a '~/.kube/config' -d 'also merge the context into this kubeconfig (removed on close)'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l cluster -r -d 'connect to this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l fleet -r -d 'connect to this fleet\'s hub cluster (default: the current fleet\'s)'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l foreground -d 'stay here until Ctrl-C, then close the tunnel'
complete -c aksh -n 'test "(__aksh_path)" = "connect bastion"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "connect check"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "context"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "fleet get-credentials"' -l file -x -a '~/.kube/config -' -d 'the kubeconfig to merge into (default ~/.kube/config); \'-\' prints it'
complete -c aksh -n 'test "(__aksh_path)" = "fleet get-credentials"' -l context -r -d 'the context\'s name (default: the fleet\'s name)'
complete -c aksh -n 'test "(__aksh_path)" = "fleet get-credentials"' -l exec -x -a 'kubelogin aksh' -d 'who gets tokens: kubelogin or aksh (default: kubelogin if installed and signed in through the Azure CLI, else aksh)'
complete -c aksh -n 'test "(__aksh_path)" = "fleet get-credentials"' -l fleet -r -d 'this fleet instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "fleet get-credentials"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "fleet hub"' -l fleet -r -d 'this fleet instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "fleet hub"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l members -r -d 'these members (comma-separated)'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l group -r -d 'the members of this group'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l all -d 'every member'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l parallel -x -a '4 8 16' -d 'members at once (default 8, at most 64)'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l timeout -x -a '1m 10m 30m' -d 'how long each member may take (default 10m)'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l fleet -r -d 'this fleet instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "fleet invoke"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "fleet list"' -l all-subscriptions -s A -d 'every subscription you can see, not just the current one'
complete -c aksh -n 'test "(__aksh_path)" = "fleet list"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "fleet members"' -l labels -d 'add a LABELS column'
complete -c aksh -n 'test "(__aksh_path)" = "fleet members"' -l fleet -r -d 'this fleet instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "fleet members"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "fleet show"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l file -s f -r -d 'attach a file or directory'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l no-wait -d 'submit, print the command id, and return'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l timeout -x -a '30s 2m 10m 30m' -d 'how long to wait (default 10m)'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l fleet-hub -d 'run on the current fleet\'s hub, through the tunnel \'connect bastion --fleet\' opened'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l via -x -a 'run-command tunnel' -d 'run-command or tunnel (default: the cluster\'s route)'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l cluster -r -d 'run on this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "invoke"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "invoke result"' -l cluster -r -d 'run on this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "invoke result"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "kube-token"' -l server-id -x -a '6dae42f8-4368-4678-94ff-3960e28e3630' -d 'the AAD server application (the AKS one is 6dae42f8-4368-4678-94ff-3960e28e3630)'
complete -c aksh -n 'test "(__aksh_path)" = "last"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "login"' -l device-code -d 'sign in with a device code shown here'
complete -c aksh -n 'test "(__aksh_path)" = "login"' -l tenant -r -d 'the tenant (directory) id or domain'
complete -c aksh -n 'test "(__aksh_path)" = "login"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "network dns"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "network dns"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "network peering create"' -l vnet -r -d 'the other VNet\'s resource id (where your VM is)'
complete -c aksh -n 'test "(__aksh_path)" = "network peering create"' -l name -r -d 'the peerings\' and link\'s name (default aksh-<remote VNet>)'
complete -c aksh -n 'test "(__aksh_path)" = "network peering create"' -l dry-run -d 'print the ARM calls and make none'
complete -c aksh -n 'test "(__aksh_path)" = "network peering create"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "network peering create"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "network peering show"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "network peering show"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add"' -l dry-run -d 'show the change (+/-) and write nothing'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add"' -l force -d 'write even if it locks out this machine or the cluster\'s outbound IPs'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add"' -l wait -d 'after writing, wait until the API server answers from here (up to 2m)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-bastion-ip"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-bastion-ip"' -l dry-run -d 'show the change (+/-) and write nothing'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-bastion-ip"' -l force -d 'write even if it locks out this machine or the cluster\'s outbound IPs'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-bastion-ip"' -l wait -d 'after writing, wait until the API server answers from here (up to 2m)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-bastion-ip"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-bastion-ip"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l prefix -x -a '32 28 24' -d 'add the /N range around it instead of the /32 (8-32)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l dry-run -d 'show the change (+/-) and write nothing'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l force -d 'write even if it locks out this machine or the cluster\'s outbound IPs'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l wait -d 'after writing, wait until the API server answers from here (up to 2m)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges add-my-ip"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges check"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges check"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges clear"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges clear"' -l dry-run -d 'show the change (+/-) and write nothing'
complete -c aksh -n 'test "(__aksh_path)" = "ranges clear"' -l force -d 'write even if it locks out this machine or the cluster\'s outbound IPs'
complete -c aksh -n 'test "(__aksh_path)" = "ranges clear"' -l wait -d 'after writing, wait until the API server answers from here (up to 2m)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges clear"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges clear"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges remove"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges remove"' -l dry-run -d 'show the change (+/-) and write nothing'
complete -c aksh -n 'test "(__aksh_path)" = "ranges remove"' -l force -d 'write even if it locks out this machine or the cluster\'s outbound IPs'
complete -c aksh -n 'test "(__aksh_path)" = "ranges remove"' -l wait -d 'after writing, wait until the API server answers from here (up to 2m)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges remove"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges remove"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges set"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges set"' -l dry-run -d 'show the change (+/-) and write nothing'
complete -c aksh -n 'test "(__aksh_path)" = "ranges set"' -l force -d 'write even if it locks out this machine or the cluster\'s outbound IPs'
complete -c aksh -n 'test "(__aksh_path)" = "ranges set"' -l wait -d 'after writing, wait until the API server answers from here (up to 2m)'
complete -c aksh -n 'test "(__aksh_path)" = "ranges set"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges set"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "ranges show"' -l cluster -r -d 'this cluster instead of the current one'
complete -c aksh -n 'test "(__aksh_path)" = "ranges show"' -l my-ip -r -d 'this machine\'s public IP, instead of looking it up'
complete -c aksh -n 'test "(__aksh_path)" = "ranges show"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "status"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "subscription list"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "tunnel close"' -l all -d 'close every open tunnel'
complete -c aksh -n 'test "(__aksh_path)" = "tunnel list"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "version"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
complete -c aksh -n 'test "(__aksh_path)" = "whoami"' -l output -s o -x -a 'table json yaml tsv' -d 'output format: table (default), json, yaml or tsv'
