package dev.aksh.sandbox;

/** An ARM error response: the status and the {@code {"error":{"code","message"}}} body. */
public final class ArmError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ArmError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ArmError notFound(String type, String name, String resourceGroup) {
        return new ArmError(404, "ResourceNotFound", "The Resource '" + type + "/" + name
                + "' under resource group '" + resourceGroup
                + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
    }
}
