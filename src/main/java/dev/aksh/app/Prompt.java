package dev.aksh.app;

import dev.aksh.render.Style;
import dev.aksh.session.SessionContext;

/**
 * The prompt: the whole context at a glance, computed from the current context every time it is
 * shown, so it is never stale. {@code [SANDBOX] Contoso Production / aks-payments (run-command) · fleet fleet-prod > }
 */
final class Prompt {
    private Prompt() {
    }

    static String render(SessionContext c, boolean readOnly, boolean colour) {
        return render(c, readOnly, false, colour);
    }

    /** @param production a production context: marked, and its names in red */
    static String render(SessionContext c, boolean readOnly, boolean production, boolean colour) {
        StringBuilder sb = new StringBuilder();
        if (c.sandbox()) {
            sb.append(style("[SANDBOX]", Style.SANDBOX, colour)).append(' ');
        }
        if (readOnly) {
            sb.append(style("[read-only]", Style.WARN, colour)).append(' ');
        }
        if (production) {
            sb.append(style("[prod]", Style.BAD, colour)).append(' ');
        }
        if (c.subscription() == null) {
            sb.append(style("(no subscription)", Style.DIM, colour));
        } else {
            sb.append(style(c.subscription().name(), production ? Style.BAD : Style.DIM, colour));
        }
        if (c.cluster() != null) {
            sb.append(style(" / ", Style.DIM, colour)).append(style(c.cluster().name(), production ? Style.BAD : Style.ACCENT,
                    colour))
                    .append(' ').append(style("(" + c.routeLabel() + ")", Style.DIM, colour));
        }
        if (c.fleet() != null) {
            String fleet = c.fleet().substring(c.fleet().lastIndexOf('/') + 1);
            sb.append(style(" · fleet ", Style.DIM, colour)).append(style(fleet, Style.ACCENT, colour));
        }
        return sb.append(style(" > ", Style.BOLD, colour)).toString();
    }

    private static String style(String text, Style style, boolean colour) {
        return colour ? style.ansi(text) : text;
    }
}
