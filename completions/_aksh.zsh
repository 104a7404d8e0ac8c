#compdef aksh
# zsh completion for aksh — generated from aksh's command registry by CompletionScripts; do not edit.
# Install: copy to a directory on $fpath as _aksh (then compinit), or source it from ~/.zshrc.

autoload -U +X bashcompinit && bashcompinit

_aksh_next() {
    case "$1" in
        '') echo 'cluster connect context exit fleet help invoke kube-token last login network quit ranges readonly stacktrace status subscription tunnel version whoami' ;;
        'cluster') echo 'list show use' ;;
        'connect') echo 'advise bastion check' ;;
        'fleet') echo 'get-credentials hub invoke list members show use' ;;
        'invoke') echo 'result' ;;
        'network') echo 'dns peering' ;;
        'network peering') echo 'create show' ;;
        'ranges') echo 'add add-bastion-ip add-my-ip check clear remove set show' ;;
        'subscription') echo 'list use' ;;
        'tunnel') echo 'close list' ;;
    esac
}

_aksh_options() {
    case "$1" in
        'cluster list') echo '--all-subscriptions -A --resource-group -g --output -o --help' ;;
        'cluster show') echo '--resource-group -g --output -o --help' ;;
        'cluster use') echo '--resource-group -g --help' ;;
        'connect advise') echo '--output -o --help' ;;
        'connect bastion') echo '--bastion --port -p --admin --kubeconfig --cluster --fleet --foreground --output -o --help' ;;
        'connect check') echo '--output -o --help' ;;
        'context') echo '--output -o --help' ;;
        'exit') echo '--help' ;;
        'fleet get-credentials') echo '--file --context --exec --fleet --output -o --help' ;;
        'fleet hub') echo '--fleet --output -o --help' ;;
        'fleet invoke') echo '--members --group --all --parallel --timeout --fleet --output -o --help' ;;
        'fleet list') echo '--all-subscriptions -A --output -o --help' ;;
        'fleet members') echo '--labels --fleet --output -o --help' ;;
        'fleet show') echo '--output -o --help' ;;
        'fleet use') echo '--help' ;;
        'help') echo '--help' ;;
        'invoke') echo '--file -f --no-wait --timeout --fleet-hub --via --cluster --output -o --help' ;;
        'invoke result') echo '--cluster --output -o --help' ;;
        'kube-token') echo '--server-id --help' ;;
        'last') echo '--output -o --help' ;;
        'login') echo '--device-code --tenant --output -o --help' ;;
        'network dns') echo '--cluster --output -o --help' ;;
        'network peering create') echo '--vnet --name --dry-run --cluster --output -o --help' ;;
        'network peering show') echo '--cluster --output -o --help' ;;
        'quit') echo '--help' ;;
        'ranges add') echo '--cluster --dry-run --force --wait --my-ip --output -o --help' ;;
        'ranges add-bastion-ip') echo '--cluster --dry-run --force --wait --my-ip --output -o --help' ;;
        'ranges add-my-ip') echo '--prefix --cluster --dry-run --force --wait --my-ip --output -o --help' ;;
        'ranges check') echo '--cluster --output -o --help' ;;
        'ranges clear') echo '--cluster --dry-run --force --wait --my-ip --output -o --help' ;;
        'ranges remove') echo '--cluster --dry-run --force --wait --my-ip --output -o --help' ;;
        'ranges set') echo '--cluster --dry-run --force --wait --my-ip --output -o --help' ;;
        'ranges show') echo '--cluster --my-ip --output -o --help' ;;
        'readonly') echo '--help' ;;
        'stacktrace') echo '--help' ;;
        'status') echo '--output -o --help' ;;
        'subscription list') echo '--output -o --help' ;;
        'subscription use') echo '--help' ;;
        'tunnel close') echo '--all --help' ;;
        'tunnel list') echo '--output -o --help' ;;
        'version') echo '--output -o --help' ;;
        'whoami') echo '--output -o --help' ;;
    esac
}

# prints the values of an option ("" when free-form), or exits 1 for a flag
_aksh_values() {
    case "$1 $2" in
        'cluster list --resource-group'|'cluster list -g') echo '' ;;
        'cluster list --output'|'cluster list -o') echo 'table json yaml tsv' ;;
        'cluster list --all-subscriptions'|'cluster list -A') return 1 ;;
        'cluster show --resource-group'|'cluster show -g') echo '' ;;
        'cluster show --output'|'cluster show -o') echo 'table json yaml tsv' ;;
        'cluster use --resource-group'|'cluster use -g') echo '' ;;
        'connect advise --output'|'connect advise -o') echo 'table json yaml tsv' ;;
        'connect bastion --bastion') echo '' ;;
        'connect bastion --port'|'connect bastion -p') echo '' ;;
        'connect bastion --kubeconfig') echo '~/.kube/config' ;;
        'connect bastion --cluster') echo '' ;;
        'connect bastion --fleet') echo '' ;;
        'connect bastion --output'|'connect bastion -o') echo 'table json yaml tsv' ;;
        'connect bastion --admin'|'connect bastion --foreground') return 1 ;;
        'connect check --output'|'connect check -o') echo 'table json yaml tsv' ;;
        'context --output'|'context -o') echo 'table json yaml tsv' ;;
        'fleet get-credentials --file') echo '~/.kube/config -' ;;
        'fleet get-credentials --context') echo '' ;;
        'fleet get-credentials --exec') echo 'kubelogin aksh' ;;
        'fleet get-credentials --fleet') echo '' ;;
        'fleet get-credentials --output'|'fleet get-credentials -o') echo 'table json yaml tsv' ;;
        'fleet hub --fleet') echo '' ;;
        'fleet hub --output'|'fleet hub -o') echo 'table json yaml tsv' ;;
        'fleet invoke --members') echo '' ;;
        'fleet invoke --group') echo '' ;;
        'fleet invoke --parallel') echo '4 8 16' ;;
        'fleet invoke --timeout') echo '1m 10m 30m' ;;
        'fleet invoke --fleet') echo '' ;;
        'fleet invoke --output'|'fleet invoke -o') echo 'table json yaml tsv' ;;
        'fleet invoke --all') return 1 ;;
        'fleet list --output'|'fleet list -o') echo 'table json yaml tsv' ;;
        'fleet list --all-subscriptions'|'fleet list -A') return 1 ;;
        'fleet members --fleet') echo '' ;;
        'fleet members --output'|'fleet members -o') echo 'table json yaml tsv' ;;
        'fleet members --labels') return 1 ;;
        'fleet show --output'|'fleet show -o') echo 'table json yaml tsv' ;;
        'invoke --file'|'invoke -f') echo '' ;;
        'invoke --timeout') echo '30s 2m 10m 30m' ;;
        'invoke --via') echo 'run-command tunnel' ;;
        'invoke --cluster') echo '' ;;
        'invoke --output'|'invoke -o') echo 'table json yaml tsv' ;;
        'invoke --no-wait'|'invoke --fleet-hub') return 1 ;;
        'invoke result --cluster') echo '' ;;
        'invoke result --output'|'invoke result -o') echo 'table json yaml tsv' ;;
        'kube-token --server-id') echo '6dae42f8-4368-4678-94ff-3960e28e3630' ;;
        'last --output'|'last -o') echo 'table json yaml tsv' ;;
        'login --tenant') echo '' ;;
        'login --output'|'login -o') echo 'table json yaml tsv' ;;
        'login --device-code') return 1 ;;
        'network dns --cluster') echo '' ;;
        'network dns --output'|'network dns -o') echo 'table json yaml tsv' ;;
        'network peering create --vnet') echo '' ;;
        'network peering create --name') echo '' ;;
        'network peering create --cluster') echo '' ;;
        'network peering create --output'|'network peering create -o') echo 'table json yaml tsv' ;;
        'network peering create --dry-run') return 1 ;;
        'network peering show --cluster') echo '' ;;
        'network peering show --output'|'network peering show -o') echo 'table json yaml tsv' ;;
        'ranges add --cluster') echo '' ;;
        'ranges add --my-ip') echo '' ;;
        'ranges add --output'|'ranges add -o') echo 'table json yaml tsv' ;;
        'ranges add --dry-run'|'ranges add --force'|'ranges add --wait') return 1 ;;
        'ranges add-bastion-ip --cluster') echo '' ;;
        'ranges add-bastion-ip --my-ip') echo '' ;;
        'ranges add-bastion-ip --output'|'ranges add-bastion-ip -o') echo 'table json yaml tsv' ;;
        'ranges add-bastion-ip --dry-run'|'ranges add-bastion-ip --force'|'ranges add-bastion-ip --wait') return 1 ;;
        'ranges add-my-ip --prefix') echo '32 28 24' ;;
        'ranges add-my-ip --cluster') echo '' ;;
        'ranges add-my-ip --my-ip') echo '' ;;
        'ranges add-my-ip --output'|'ranges add-my-ip -o') echo 'table json yaml tsv' ;;
        'ranges add-my-ip --dry-run'|'ranges add-my-ip --force'|'ranges add-my-ip --wait') return 1 ;;
        'ranges check --cluster') echo '' ;;
        'ranges check --output'|'ranges check -o') echo 'table json yaml tsv' ;;
        'ranges clear --cluster') echo '' ;;
        'ranges clear --my-ip') echo '' ;;
        'ranges clear --output'|'ranges clear -o') echo 'table json yaml tsv' ;;
        'ranges clear --dry-run'|'ranges clear --force'|'ranges clear --wait') return 1 ;;
        'ranges remove --cluster') echo '' ;;
        'ranges remove --my-ip') echo '' ;;
        'ranges remove --output'|'ranges remove -o') echo 'table json yaml tsv' ;;
        'ranges remove --dry-run'|'ranges remove --force'|'ranges remove --wait') return 1 ;;
        'ranges set --cluster') echo '' ;;
        'ranges set --my-ip') echo '' ;;
        'ranges set --output'|'ranges set -o') echo 'table json yaml tsv' ;;
        'ranges set --dry-run'|'ranges set --force'|'ranges set --wait') return 1 ;;
        'ranges show --cluster') echo '' ;;
        'ranges show --my-ip') echo '' ;;
        'ranges show --output'|'ranges show -o') echo 'table json yaml tsv' ;;
        'status --output'|'status -o') echo 'table json yaml tsv' ;;
        'subscription list --output'|'subscription list -o') echo 'table json yaml tsv' ;;
        'tunnel close --all') return 1 ;;
        'tunnel list --output'|'tunnel list -o') echo 'table json yaml tsv' ;;
        'version --output'|'version -o') echo 'table json yaml tsv' ;;
        'whoami --output'|'whoami -o') echo 'table json yaml tsv' ;;
        *) return 1 ;;
    esac
}

_aksh() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local i=1
    # launcher options come first
    while [ "$i" -lt "$COMP_CWORD" ]; do
        case "${COMP_WORDS[i]}" in
            --sandbox-world|--script) i=$((i + 2)) ;;
            -c) return 0 ;;
            -*) i=$((i + 1)) ;;
            *) break ;;
        esac
    done
    case "$prev" in
        --sandbox-world|--script) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    esac
    if [ "$i" -ge "$COMP_CWORD" ] && [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W '--sandbox --sandbox-world --read-only --continue-on-error --yes --no-color --debug --version --help --script -c' -- "$cur")); return 0
    fi
    # then the command's words
    local path="" j="$i" w next
    while [ "$j" -lt "$COMP_CWORD" ]; do
        w="${COMP_WORDS[j]}"
        next=" $(_aksh_next "$path") "
        if [[ "$w" != -* && "$next" == *" $w "* ]]; then
            path="${path:+$path }$w"; j=$((j + 1))
        else
            break
        fi
    done
    next="$(_aksh_next "$path")"
    if [ "$j" -eq "$COMP_CWORD" ] && [ -n "$next" ]; then
        COMPREPLY=($(compgen -W "$next" -- "$cur")); return 0
    fi
    [ -n "$path" ] || return 0
    # then its options and their values
    local values
    if values="$(_aksh_values "$path" "$prev")"; then
        COMPREPLY=($(compgen -W "$values" -- "$cur")); return 0
    fi
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$(_aksh_options "$path")" -- "$cur"))
    fi
}

complete -o default -F _aksh aksh
