package dev.aksh.sandbox.kube;

/** An API error as kubectl shows it: {@code Error from server (NotFound): pods "x" not found}. */
public final class KubeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int code;

    public KubeError(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public int code() {
        return code;
    }

    public static KubeError notFound(KubeKind kind, String name) {
        return new KubeError(404, "NotFound", kind.qualifiedPlural() + " \"" + name + "\" not found");
    }

    public static KubeError namespaceNotFound(String namespace) {
        return new KubeError(404, "NotFound", "namespaces \"" + namespace + "\" not found");
    }

    public static KubeError alreadyExists(KubeKind kind, String name) {
        return new KubeError(409, "AlreadyExists", kind.qualifiedPlural() + " \"" + name + "\" already exists");
    }

    /** How kubectl prints it. */
    public String kubectlLine() {
        return "Error from server (" + reason + "): " + getMessage();
    }
}
