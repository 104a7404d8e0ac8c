package dev.aksh.app;

import dev.aksh.session.SessionContext;

/** Test access to the package-private prompt. */
public final class PromptAccess {
    private PromptAccess() {
    }

    public static String render(SessionContext c, boolean readOnly, boolean production, boolean colour) {
        return Prompt.render(c, readOnly, production, colour);
    }
}
