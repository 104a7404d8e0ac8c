package dev.aksh.app;

import dev.aksh.render.StreamConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The training run the launcher uses to build the class-data archive (AppCDS on JDK 17, the AOT
 * cache on JDK 25): it loads what a session loads — the line reader and completion, the sandbox,
 * the Azure SDK clients and the renderers — without a terminal and without touching the user's files.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws Exception {
        Main.setUpLogging(false);
        Path config = Files.createTempDirectory("aksh-training");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("AKSH_CONFIG_DIR", config.toString());
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Environment e = new Environment(new ByteArrayInputStream(new byte[0]), sink, sink, false, false, env,
                    config.toString(), System.getProperty("os.name"));
            LaunchOptions options = LaunchOptions.parse(new String[] {"--sandbox"});
            try (Aksh aksh = new Aksh(options, e, new StreamConsole(sink, sink, false, true, false))) {
                lineReader(aksh);
                aksh.shell().executeLine("subscription list; cluster list; cluster use aks-payments; cluster show");
                aksh.shell().executeLine("cluster list -A -o json; cluster show aks-web -o yaml; whoami; context; help");
                aksh.shell().executeLine("clustr list; cluster use nope; help cluster use");
                aksh.shell().executeLine("invoke 'kubectl get pods -n payments' -o json; invoke 'kubectl get ns'");
                aksh.completion().complete("invoke \"kubectl get pods -n pay");
                aksh.completion().complete("cluster use ");
                aksh.completion().complete("subscription use Con");
            }
            otherCloud(config, sink);
            try (Terminal system = TerminalBuilder.builder().system(true).dumb(true).build()) {
                system.getType();
            }
        } finally {
            try (Stream<Path> s = Files.walk(config)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The real-Azure path (azure-identity, MSAL, the SDK's TLS) against a FakeAzure on loopback set up
     * as another cloud, as 'sandbox serve' hands out: nothing leaves the machine.
     */
    private static void otherCloud(Path config, PrintStream sink) throws Exception {
        try (dev.aksh.sandbox.FakeAzure cloud = dev.aksh.sandbox.FakeAzure.start(dev.aksh.sandbox.WorldLoader.defaultWorld());
                dev.aksh.sandbox.Serving serving = cloud.serving(config)) {
            Map<String, String> env = new HashMap<>();
            env.put("AKSH_CONFIG_DIR", config.resolve("other-cloud").toString());
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.putAll(serving.akshVariables());
            Environment e = new Environment(new ByteArrayInputStream(new byte[0]), sink, sink, false, false, env,
                    config.toString(), System.getProperty("os.name"));
            try (Aksh aksh = new Aksh(LaunchOptions.parse(new String[0]), e, new StreamConsole(sink, sink, false, true, false))) {
                aksh.shell().executeLine("subscription list; cluster list; cluster show aks-web; whoami");
            }
        }
    }

    private static void lineReader(Aksh aksh) throws Exception {
        ByteArrayInputStream keys = new ByteArrayInputStream("cluster u\tak\t\nexit\n".getBytes(StandardCharsets.UTF_8));
        try (Terminal t = new org.jline.terminal.impl.ExternalTerminal("training", "xterm-256color", keys,
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            DefaultParser parser = new DefaultParser();
            parser.setLineCommentDelims(new String[] {"#"});
            LineReader reader = LineReaderBuilder.builder().terminal(t).parser(parser)
                    .completer(new JLineCompleter(aksh.completion()))
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
            try {
                reader.readLine(Prompt.render(aksh.session().get(), false, true));
                reader.readLine("> ");
            } catch (org.jline.reader.EndOfFileException | org.jline.reader.UserInterruptException end) {
                // the scripted keys ran out: enough has been loaded
            }
        }
    }
}
