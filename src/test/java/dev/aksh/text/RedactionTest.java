package dev.aksh.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.reader.History;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What history keeps of a line with a secret in it. */
class RedactionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "login --client-secret s3cr3t --tenant t              | login --client-secret *** --tenant t",
        "login --client-secret=s3cr3t                         | login --client-secret=***",
        "invoke \"kubectl create secret generic x --from-literal=password=hunter2\" | invoke \"kubectl create secret generic x --from-literal=password=***\"",
        "invoke 'curl -H \"Authorization: Bearer abc.def-123\" https://x' | invoke 'curl -H \"Authorization: Bearer ***\" https://x'",
        "invoke 'kubectl get pods --token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'  | invoke 'kubectl get pods --token ***'",
        "invoke 'echo eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'             | invoke 'echo ***'",
        "AZURE_CLIENT_SECRET=abc123 aksh                      | AZURE_CLIENT_SECRET=*** aksh",
        "x AccountKey=Zm9vYmFy==;EndpointSuffix=core.windows.net | x AccountKey=***;EndpointSuffix=core.windows.net",
        "invoke 'kubectl get pods -n payments'                | invoke 'kubectl get pods -n payments'",
        "ranges add 203.0.113.7                               | ranges add 203.0.113.7",
        "kube-token --server-id 6dae42f8-4368-4678-94ff-3960e28e3630 | kube-token --server-id 6dae42f8-4368-4678-94ff-3960e28e3630"})
    void secretsAreMaskedAndTheRestKept(String line, String kept) {
        assertThat(Redaction.redact(line.trim())).isEqualTo(kept.trim());
    }

    @org.junit.jupiter.api.Test
    void theInteractiveHistoryStoresOnlyTheRedactedLine() throws Exception {
        try (var terminal = TerminalBuilder.builder().dumb(true).streams(java.io.InputStream.nullInputStream(),
                java.io.OutputStream.nullOutputStream()).build()) {
            History h = new dev.aksh.app.InteractiveLoopHistory();
            LineReaderBuilder.builder().terminal(terminal).history(h).build();
            h.add("login --client-secret s3cr3t");
            assertThat(h.get(h.last())).isEqualTo("login --client-secret ***");
        }
    }
}
