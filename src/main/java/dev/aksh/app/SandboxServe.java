package dev.aksh.app;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.Serving;
import dev.aksh.sandbox.World;
import dev.aksh.sandbox.WorldLoader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code aksh sandbox serve [--port N] [--world FILE] [--env FILE]}: FakeAzure in the foreground,
 * for the Azure CLI and kubectl (and other aksh sessions' trainees) to use, until Ctrl-C.
 */
final class SandboxServe {
    static final String USAGE = """
            Usage: aksh sandbox serve [--port N] [--world FILE] [--env FILE]

            Runs the sandbox (FakeAzure) in the foreground on 127.0.0.1 and prints its ARM endpoint, token
            endpoint, CA file, sign-in details and the commands that point the Azure CLI and kubectl at it.
              --port N       ARM's port (default: any free one)
              --world FILE   a world file or a state 'sandbox save' wrote (default: the built-in world)
              --env FILE     also write the commands as a file to source (0600, deleted on stop)
            Ctrl-C stops it and deletes the CA file, the env file and the Azure CLI's files it set up.
            """;

    private SandboxServe() {
    }

    /** Whether the command line asks for {@code sandbox serve} (after launcher options such as --sandbox). */
    static boolean requested(String[] args) {
        int i = 0;
        while (i < args.length && List.of("--sandbox", "--debug", "--no-color").contains(args[i])) {
            i++;
        }
        return args.length >= i + 2 && args[i].equals("sandbox") && args[i + 1].equals("serve");
    }

    static int run(String[] args, Environment env) {
        PrintStream out = env.out();
        Integer port = 0;
        Path worldFile = null;
        Path envFile = null;
        int i = 0;
        while (!args[i].equals("serve")) {
            i++;
        }
        try {
            for (i = i + 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = port(value(args, ++i, a));
                    case "--world", "--sandbox-world" -> worldFile = Path.of(value(args, ++i, a));
                    case "--env" -> envFile = Path.of(value(args, ++i, a));
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        out.flush();
                        return 0;
                    }
                    default -> throw AkshException.usage("unknown option " + a + " for 'sandbox serve'",
                            "usage: aksh sandbox serve [--port N] [--world FILE] [--env FILE]");
                }
            }
            World world;
            com.fasterxml.jackson.databind.JsonNode saved = null;
            if (worldFile == null) {
                world = WorldLoader.defaultWorld();
            } else {
                dev.aksh.sandbox.Snapshots.Loaded loaded = dev.aksh.sandbox.Snapshots.read(worldFile);
                world = loaded.world();
                saved = loaded.saved();
            }
            FakeAzure sandbox;
            try {
                sandbox = FakeAzure.start(world, port);
            } catch (UncheckedIOException e) {
                throw new AkshException(ExitCode.NETWORK, "cannot listen on 127.0.0.1:" + port + ": "
                        + e.getCause().getMessage(), "choose another port with --port, or leave it out for any free one");
            }
            if (saved != null) {
                sandbox.replaceWorld(world, saved);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread stop = new Thread(() -> {
                sandbox.close(); // also deletes what serving handed out
                out.println("stopped; the CA file and the files set up for the Azure CLI are deleted");
                out.flush();
                stopped.countDown();
            }, "aksh-sandbox-serve-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            Serving serving = sandbox.serving(Aksh.tempRoot(env));
            if (envFile != null) {
                serving.writeEnv(envFile);
            }
            serving.describe().forEach(out::println);
            if (envFile != null) {
                out.println("Or: . " + envFile);
            }
            out.println("Ctrl-C stops it.");
            out.flush();
            stopped.await();
            return 0;
        } catch (AkshException e) {
            env.err().println("error: " + e.oneLine());
            env.err().flush();
            return e.exitCode().code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED.code();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw AkshException.usage(option + " needs a value", "usage: aksh sandbox serve [--port N] [--world FILE] [--env FILE]");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw AkshException.usage("'" + text + "' is not a port (0-65535)", "e.g. --port 8443, or leave it out for any free one");
        }
    }
}
