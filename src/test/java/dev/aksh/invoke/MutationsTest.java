package dev.aksh.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kubectl and helm verb table read-only mode uses inside invoke "…". */
class MutationsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " => ", nullValues = "-", value = {
        "kubectl get pods -A => -",
        "kubectl describe deploy/api -n shop => -",
        "kubectl logs deploy/api --tail 50 => -",
        "kubectl top nodes => -",
        "kubectl rollout status deploy/api => -",
        "kubectl rollout history deploy/api => -",
        "kubectl auth can-i delete pods => -",
        "kubectl apply -f deployment.yaml -n default => kubectl apply",
        "kubectl -n shop delete pod api-0 => kubectl delete",
        "kubectl --namespace shop scale deploy/api --replicas 3 => kubectl scale",
        "kubectl drain aks-node-0 --ignore-daemonsets => kubectl drain",
        "kubectl cordon aks-node-0 => kubectl cordon",
        "kubectl exec -it api-0 -- sh => kubectl exec",
        "kubectl edit cm settings => kubectl edit",
        "kubectl patch deploy api -p {} => kubectl patch",
        "kubectl replace -f x.yaml => kubectl replace",
        "kubectl rollout restart deploy/api => kubectl rollout restart",
        "kubectl label ns shop team=web => kubectl label",
        "kubectl get pods | grep api && kubectl delete pod x => kubectl delete",
        "kubectl get ns; helm upgrade web bitnami/nginx => helm upgrade",
        "KUBECONFIG=/tmp/k kubectl apply -f . => kubectl apply",
        "/usr/local/bin/kubectl create ns x => kubectl create",
        "helm list -A => -",
        "helm status web => -",
        "helm repo add bitnami https://charts.bitnami.com/bitnami => -",
        "helm install my-release bitnami/nginx => helm install",
        "helm uninstall web -n shop => helm uninstall",
        "helm rollback web 2 => helm rollback",
        "echo kubectl delete pod x => -",
        "grep delete file.txt => -"})
    void eachVerbIsJudged(String command, String expected) {
        assertThat(Mutations.find(command.trim())).isEqualTo(expected);
    }
}
