package dev.aksh.shell;

import dev.aksh.shell.completion.ValueCompleter;

/**
 * A positional argument.
 *
 * @param name the placeholder shown in help
 * @param description one line for help
 * @param required whether it must be given
 * @param variadic whether it takes all remaining words (only the last argument)
 * @param completer proposes values
 */
public record ArgSpec(String name, String description, boolean required, boolean variadic, ValueCompleter completer) {
    public String usage() {
        String s = variadic ? name + "..." : name;
        return required ? s : "[" + s + "]";
    }
}
