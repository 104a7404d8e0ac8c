package dev.aksh.shell;

import dev.aksh.shell.completion.ValueCompleter;

/**
 * An option of a command.
 *
 * @param longName used as {@code --longName}
 * @param shortName used as {@code -s}, or 0 for none
 * @param valueName the placeholder shown in help ({@code RG}, {@code DUR}); null for a flag
 * @param description one line for help
 * @param repeatable whether it may be given more than once ({@code --file a --file b})
 * @param required whether it must be given
 * @param completer proposes values
 * @param optionalValue whether the value may be left out ({@code --fleet} alone means the current fleet);
 *     the option is then given as the empty string
 */
public record OptionSpec(String longName, char shortName, String valueName, String description,
        boolean repeatable, boolean required, ValueCompleter completer, boolean optionalValue) {

    public OptionSpec(String longName, char shortName, String valueName, String description, boolean repeatable,
            boolean required, ValueCompleter completer) {
        this(longName, shortName, valueName, description, repeatable, required, completer, false);
    }

    public boolean isFlag() {
        return valueName == null;
    }

    public static OptionSpec flag(String longName, String description) {
        return new OptionSpec(longName, (char) 0, null, description, false, false, ValueCompleter.NONE);
    }

    public static OptionSpec flag(String longName, char shortName, String description) {
        return new OptionSpec(longName, shortName, null, description, false, false, ValueCompleter.NONE);
    }

    public static OptionSpec value(String longName, String valueName, String description, ValueCompleter completer) {
        return new OptionSpec(longName, (char) 0, valueName, description, false, false, completer);
    }

    public static OptionSpec value(String longName, char shortName, String valueName, String description,
            ValueCompleter completer) {
        return new OptionSpec(longName, shortName, valueName, description, false, false, completer);
    }

    /** An option whose value may be left out: {@code --fleet} alone, or {@code --fleet NAME}. */
    public static OptionSpec optionalValue(String longName, String valueName, String description, ValueCompleter completer) {
        return new OptionSpec(longName, (char) 0, valueName, description, false, false, completer, true);
    }

    public OptionSpec asRepeatable() {
        return new OptionSpec(longName, shortName, valueName, description, true, required, completer, optionalValue);
    }

    public OptionSpec asRequired() {
        return new OptionSpec(longName, shortName, valueName, description, repeatable, true, completer, optionalValue);
    }

    /** How the option appears in usage lines. */
    public String usage() {
        String n = shortName != 0 ? "-" + shortName : "--" + longName;
        return isFlag() ? n : optionalValue ? n + " [" + valueName + "]" : n + " " + valueName;
    }
}
