package dev.aksh.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import dev.aksh.error.AkshException;
import dev.aksh.error.ErrorTranslator;
import dev.aksh.error.ExitCode;

/** Turns Azure SDK failures into one line and an exit code. */
public final class ArmErrors implements ErrorTranslator {

    @Override
    public AkshException translate(Throwable t) {
        if (t instanceof CredentialUnavailableException e) {
            return new AkshException(ExitCode.AUTH, "not signed in to Azure: " + firstLine(e.getMessage()),
                    "sign in with 'az login' (aksh reuses it) or 'login --device-code'", e);
        }
        if (t instanceof ClientAuthenticationException e && e.getResponse() == null) {
            return new AkshException(ExitCode.AUTH, "sign-in failed: " + firstLine(e.getMessage()),
                    "run 'login' (or 'az login') and retry", e);
        }
        if (t instanceof ManagementException e) {
            ManagementError v = e.getValue();
            String code = v == null ? null : v.getCode();
            String message = v == null || v.getMessage() == null ? firstLine(e.getMessage()) : firstLine(v.getMessage());
            return fromStatus(status(e.getResponse()), code, message, e);
        }
        if (t instanceof HttpResponseException e && e.getResponse() != null) {
            return fromStatus(e.getResponse().getStatusCode(), null, firstLine(e.getMessage()), e);
        }
        return null;
    }

    static AkshException fromStatus(int status, String code, String message, Throwable cause) {
        String what = code == null ? message : code + ": " + message;
        return switch (status) {
            case 401 -> new AkshException(ExitCode.AUTH, "Azure rejected the credential (401 " + what + ")",
                    "run 'login' (or 'az login') and retry", cause);
            case 403 -> new AkshException(ExitCode.AUTH, "access denied (403 " + what + ")",
                    "ask for a role that allows this; new role assignments can take several minutes to apply", cause);
            case 404 -> new AkshException(ExitCode.NOT_FOUND, trimArmHelp(message),
                    "check the name and the current subscription ('context')", cause);
            case 409 -> new AkshException(ExitCode.REMOTE, "conflict (409 " + what + ")",
                    "another operation may be in progress; wait for it and retry", cause);
            case 412 -> new AkshException(ExitCode.REMOTE, "the resource changed meanwhile (412 " + what + ")",
                    "read it again and retry", cause);
            case 429 -> new AkshException(ExitCode.REMOTE, "Azure is throttling requests (429 " + what + ")",
                    "wait a minute and retry", cause);
            default -> new AkshException(ExitCode.REMOTE, "Azure answered " + status + " (" + what + ")",
                    status >= 500 ? "a service-side failure; retry shortly" : "check the request", cause);
        };
    }

    private static int status(HttpResponse r) {
        return r == null ? 0 : r.getStatusCode();
    }

    private static String trimArmHelp(String m) {
        int i = m.indexOf(" For more details please go to");
        return i > 0 ? m.substring(0, i) : m;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        String s = m.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
