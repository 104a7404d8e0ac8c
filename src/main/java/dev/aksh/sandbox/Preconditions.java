package dev.aksh.sandbox;

/** {@code If-Match} / {@code If-None-Match} against a resource's entity tag, answered with 412 as ARM does. */
final class Preconditions {
    private Preconditions() {
    }

    /**
     * @param currentEtag the stored eTag, or null when the resource does not exist
     * @param what the resource kind, for the message
     */
    static void check(ArmRequest r, String currentEtag, String what) {
        String ifMatch = r.header("if-match");
        if (ifMatch != null && !ifMatch.isBlank()) {
            String wanted = normalise(ifMatch);
            if (currentEtag == null || (!wanted.equals("*") && !wanted.equals(normalise(currentEtag)))) {
                throw new ArmError(412, "PreconditionFailed", "Operation is not allowed because the provided eTag '"
                        + ifMatch + "' does not match the current eTag '" + (currentEtag == null ? "" : currentEtag)
                        + "' of the " + what + ".");
            }
        }
        String ifNoneMatch = r.header("if-none-match");
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && currentEtag != null) {
            String unwanted = normalise(ifNoneMatch);
            if (unwanted.equals("*") || unwanted.equals(normalise(currentEtag))) {
                throw new ArmError(412, "PreconditionFailed", "Operation is not allowed because the " + what
                        + " already exists with eTag '" + currentEtag + "'.");
            }
        }
    }

    private static String normalise(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/") || e.startsWith("w/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }
}
