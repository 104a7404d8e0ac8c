package dev.aksh.error;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Turns any failure into an {@link AkshException}: one line for the operator, and an exit code.
 * Layers that know their own failures (the Azure SDK's) contribute translators; this class knows
 * the generic ones (interrupts, network) and calls everything else a bug.
 */
@FunctionalInterface
public interface ErrorTranslator {

    /** Translates {@code t} if this translator recognises it, else returns null. */
    AkshException translate(Throwable t);

    /** Runs the specific translators over the cause chain, then the generic rules. */
    static AkshException translate(Throwable thrown, List<ErrorTranslator> specific) {
        Throwable t = unwrap(thrown);
        if (t instanceof AkshException a) {
            return a;
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AkshException a) {
                return a;
            }
            for (ErrorTranslator tr : specific) {
                AkshException a = tr.translate(c);
                if (a != null) {
                    return a;
                }
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            AkshException a = generic(c, t);
            if (a != null) {
                return a;
            }
        }
        String what = t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
        return new AkshException(ExitCode.INTERNAL, "unexpected error: " + what,
                "run 'stacktrace' for details and report it", t);
    }

    private static AkshException generic(Throwable c, Throwable top) {
        if (c instanceof InterruptedException || c instanceof CancellationException
                || (c instanceof InterruptedIOException && !(c instanceof SocketTimeoutException))) {
            return new AkshException(ExitCode.INTERRUPTED, "cancelled", null, top);
        }
        if (c instanceof HttpConnectTimeoutException || c instanceof SocketTimeoutException
                || c instanceof HttpTimeoutException) {
            return new AkshException(ExitCode.NETWORK, "timed out: " + firstLine(c.getMessage()),
                    "check the network and retry", top);
        }
        if (c instanceof UnknownHostException) {
            return new AkshException(ExitCode.NETWORK, "cannot resolve host " + firstLine(c.getMessage()),
                    "check DNS and the network", top);
        }
        if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
            return new AkshException(ExitCode.NETWORK, "cannot connect: " + firstLine(c.getMessage()),
                    "check the network (and any proxy) and retry", top);
        }
        if (c instanceof SSLException) {
            return new AkshException(ExitCode.NETWORK, "TLS failed: " + firstLine(c.getMessage()),
                    "check the network path and any TLS-intercepting proxy", top);
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
