package dev.aksh.sandbox.kube;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shell of AKS's run-command pod, as far as the sandbox goes: {@code bash -c} over a command
 * line with {@code ;}, {@code &&}, {@code ||}, pipes and simple redirections, running
 * {@code kubectl} and {@code helm} against the fake cluster and a few text tools (grep, head, tail,
 * wc, echo, cat, ls, sleep, true, false). Anything else fails as bash would ("command not found",
 * 127). Files attached to the command are in its working directory.
 */
public final class PodShell {

    /** What the command printed (stdout and stderr together, as run command returns them) and its status. */
    public record Result(String logs, int exitCode, Duration took) {
    }

    /** What one program produced. */
    record Io(String out, String err, int code) {
        static Io ok(String out) {
            return new Io(out, "", 0);
        }

        static Io fail(String err, int code) {
            return new Io("", err, code);
        }
    }

    /** What the programs of one command share: the cluster, the working directory, the time spent. */
    static final class Pod {
        final KubeCluster cluster;
        final Map<String, byte[]> files;
        final boolean authorized;
        final Map<String, String> helmRepos = new LinkedHashMap<>();
        long sleptMillis;

        Pod(KubeCluster cluster, Map<String, byte[]> files, boolean authorized) {
            this.cluster = cluster;
            this.files = files;
            this.authorized = authorized;
        }
    }

    private final Pod pod;

    /** {@code exit N}: ends the whole command line with that status. */
    private static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /**
     * @param files the attachments, unpacked (path relative to the working directory → bytes)
     * @param authorized whether the command came with a credential the cluster accepts (the cluster
     *     token, on AAD-managed clusters); if not, kubectl and helm get 401
     */
    public PodShell(KubeCluster cluster, Map<String, byte[]> files, boolean authorized) {
        this.pod = new Pod(cluster, new LinkedHashMap<>(files), authorized);
    }

    /** Runs a command line to the end. Callers hold the cluster's lock. */
    public Result run(String commandLine) {
        StringBuilder logs = new StringBuilder();
        int status = 0;
        List<List<String>> tokensByStep;
        List<String> connectors = new ArrayList<>();
        try {
            tokensByStep = split(commandLine, connectors);
        } catch (IllegalArgumentException e) {
            return new Result("bash: -c: line 1: " + e.getMessage() + "\n", 2, Duration.ZERO);
        }
        for (int i = 0; i < tokensByStep.size(); i++) {
            String connector = i == 0 ? ";" : connectors.get(i - 1);
            if (connector.equals("&&") && status != 0 || connector.equals("||") && status == 0) {
                continue;
            }
            try {
                status = pipeline(tokensByStep.get(i), logs);
            } catch (Exit e) {
                status = e.code;
                break;
            }
        }
        return new Result(logs.toString(), status, Duration.ofMillis(pod.sleptMillis));
    }

    // ------------------------------------------------------------------ parsing

    /** Splits into pipelines (token lists including "|") joined by ;, && or ||. */
    static List<List<String>> split(String line, List<String> connectors) {
        List<List<String>> steps = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = null;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unexpected EOF while looking for matching `''");
                }
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                int j = i + 1;
                for (; j < n && line.charAt(j) != '"'; j++) {
                    if (line.charAt(j) == '\\' && j + 1 < n && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    word.append(line.charAt(j));
                }
                if (j >= n) {
                    throw new IllegalArgumentException("unexpected EOF while looking for matching `\"'");
                }
                i = j;
            } else if (c == '\\' && i + 1 < n) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (c == ' ' || c == '\t') {
                word = flush(word, current);
            } else if (c == ';' || c == '\n' || c == '&' && i + 1 < n && line.charAt(i + 1) == '&'
                    || c == '|' && i + 1 < n && line.charAt(i + 1) == '|') {
                word = flush(word, current);
                String op = c == ';' || c == '\n' ? ";" : c == '&' ? "&&" : "||";
                if (op.length() == 2) {
                    i++;
                }
                if (!current.isEmpty()) {
                    steps.add(current);
                    connectors.add(op);
                    current = new ArrayList<>();
                } else if (!op.equals(";")) {
                    throw new IllegalArgumentException("syntax error near unexpected token `" + op + "'");
                }
            } else if (c == '|') {
                word = flush(word, current);
                current.add("|");
            } else if (c == '>' || c == '<') {
                word = flush(word, current);
                StringBuilder op = new StringBuilder().append(c);
                if (c == '>' && i + 1 < n && line.charAt(i + 1) == '&') {
                    op.append(line.charAt(++i));
                    while (i + 1 < n && Character.isDigit(line.charAt(i + 1))) {
                        op.append(line.charAt(++i));
                    }
                }
                if (!current.isEmpty() && current.get(current.size() - 1).matches("[0-9]")) {
                    op.insert(0, current.remove(current.size() - 1));
                }
                current.add(op.toString());
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        flush(word, current);
        if (!current.isEmpty()) {
            steps.add(current);
        } else if (!connectors.isEmpty()) {
            connectors.remove(connectors.size() - 1);
        }
        return steps;
    }

    private static StringBuilder flush(StringBuilder word, List<String> current) {
        if (word != null) {
            current.add(word.toString());
        }
        return null;
    }

    // ------------------------------------------------------------------ running

    private int pipeline(List<String> tokens, StringBuilder logs) {
        List<List<String>> commands = new ArrayList<>();
        List<String> cmd = new ArrayList<>();
        for (String t : tokens) {
            if (t.equals("|")) {
                commands.add(cmd);
                cmd = new ArrayList<>();
            } else {
                cmd.add(t);
            }
        }
        commands.add(cmd);
        String stdin = "";
        Io last = Io.ok("");
        for (int i = 0; i < commands.size(); i++) {
            List<String> words = new ArrayList<>(commands.get(i));
            boolean dropOut = false;
            boolean dropErr = false;
            boolean errToOut = false;
            String outFile = null;
            String inFile = null;
            for (int j = 0; j < words.size(); j++) {
                String w = words.get(j);
                if (w.equals(">") || w.equals("1>") || w.equals("2>") || w.equals("<")) {
                    String target = j + 1 < words.size() ? words.get(j + 1) : null;
                    if (target == null) {
                        logs.append("bash: line 1: syntax error near unexpected token `newline'\n");
                        return 2;
                    }
                    if (w.equals("<")) {
                        inFile = target;
                    } else if (w.equals("2>")) {
                        dropErr = target.equals("/dev/null");
                    } else if (target.equals("/dev/null")) {
                        dropOut = true;
                    } else {
                        outFile = target;
                    }
                    words.remove(j + 1);
                    words.remove(j);
                    j--;
                } else if (w.equals("2>&1")) {
                    errToOut = true;
                    words.remove(j--);
                }
            }
            if (inFile != null) {
                byte[] f = pod.files.get(normalise(inFile));
                if (f == null) {
                    logs.append("bash: line 1: ").append(inFile).append(": No such file or directory\n");
                    return 1;
                }
                stdin = new String(f, StandardCharsets.UTF_8);
            }
            last = words.isEmpty() ? Io.ok("") : program(words, stdin);
            String err = dropErr ? "" : last.err();
            String out = last.out();
            if (errToOut) {
                out = err + out;
                err = "";
            }
            logs.append(err);
            if (outFile != null) {
                pod.files.put(normalise(outFile), out.getBytes(StandardCharsets.UTF_8));
                out = "";
            }
            if (dropOut) {
                out = "";
            }
            stdin = out;
        }
        logs.append(stdin);
        return last.code();
    }

    private Io program(List<String> words, String stdin) {
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        try {
            return switch (name) {
                case "kubectl" -> new FakeKubectl(pod).run(args);
                case "helm" -> new FakeHelm(pod).run(args);
                case "grep" -> grep(args, stdin);
                case "head" -> headTail(args, stdin, true);
                case "tail" -> headTail(args, stdin, false);
                case "wc" -> wc(args, stdin);
                case "echo" -> echo(args);
                case "cat" -> cat(args, stdin);
                case "ls" -> ls(args);
                case "sleep" -> sleep(args);
                case "true", ":" -> Io.ok("");
                case "exit" -> {
                    try {
                        throw new Exit(args.isEmpty() ? 0 : Integer.parseInt(args.get(0)) & 0xff);
                    } catch (NumberFormatException e) {
                        yield Io.fail("bash: line 1: exit: " + args.get(0) + ": numeric argument required\n", 2);
                    }
                }
                case "false" -> new Io("", "", 1);
                default -> Io.fail("bash: line 1: " + name + ": command not found\n", 127);
            };
        } catch (KubeError e) {
            return Io.fail(e.kubectlLine() + "\n", 1);
        }
    }

    private static Io grep(List<String> args, String stdin) {
        boolean ignoreCase = false;
        boolean invert = false;
        boolean count = false;
        boolean extended = false;
        boolean word = false;
        String pattern = null;
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1 && pattern == null) {
                for (char f : a.substring(1).toCharArray()) {
                    switch (f) {
                        case 'i' -> ignoreCase = true;
                        case 'v' -> invert = true;
                        case 'c' -> count = true;
                        case 'E' -> extended = true;
                        case 'w' -> word = true;
                        default -> {
                            return Io.fail("grep: invalid option -- '" + f + "'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n"
                                    + "Try 'grep --help' for more information.\n", 2);
                        }
                    }
                }
            } else if (pattern == null) {
                pattern = a;
            }
        }
        if (pattern == null) {
            return Io.fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
        }
        Pattern p;
        try {
            String regex = extended ? pattern : basicToJava(pattern);
            if (word) {
                regex = "\\b(?:" + regex + ")\\b";
            }
            p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return Io.fail("grep: Invalid regular expression\n", 2);
        }
        StringBuilder out = new StringBuilder();
        int matches = 0;
        for (String line : lines(stdin)) {
            boolean m = p.matcher(line).find();
            if (m != invert) {
                matches++;
                if (!count) {
                    out.append(line).append('\n');
                }
            }
        }
        if (count) {
            out.append(matches).append('\n');
        }
        return new Io(out.toString(), "", matches > 0 ? 0 : 1);
    }

    /** POSIX basic regular expressions: + ? | ( ) { } are literal unless escaped. */
    private static String basicToJava(String bre) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length() && "+?|(){}".indexOf(bre.charAt(i + 1)) >= 0) {
                sb.append(bre.charAt(++i));
            } else if ("+?|(){}".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Io headTail(List<String> args, String stdin, boolean head) {
        int n = 10;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            try {
                if (a.equals("-n") && i + 1 < args.size()) {
                    n = Integer.parseInt(args.get(++i).replace("+", ""));
                } else if (a.startsWith("-n")) {
                    n = Integer.parseInt(a.substring(2));
                } else if (a.matches("-\\d+")) {
                    n = Integer.parseInt(a.substring(1));
                } else {
                    file = a;
                }
            } catch (NumberFormatException e) {
                return Io.fail((head ? "head" : "tail") + ": invalid number of lines: '" + a + "'\n", 1);
            }
        }
        String text = stdin;
        if (file != null) {
            byte[] f = pod.files.get(normalise(file));
            if (f == null) {
                return Io.fail((head ? "head" : "tail") + ": cannot open '" + file + "' for reading: No such file or directory\n", 1);
            }
            text = new String(f, StandardCharsets.UTF_8);
        }
        List<String> lines = lines(text);
        List<String> keep = head ? lines.subList(0, Math.min(n, lines.size()))
                : lines.subList(Math.max(0, lines.size() - n), lines.size());
        StringBuilder out = new StringBuilder();
        keep.forEach(l -> out.append(l).append('\n'));
        return Io.ok(out.toString());
    }

    private static Io wc(List<String> args, String stdin) {
        long lines = stdin.chars().filter(c -> c == '\n').count();
        long words = stdin.isBlank() ? 0 : stdin.trim().split("\\s+").length;
        long bytes = stdin.getBytes(StandardCharsets.UTF_8).length;
        if (args.contains("-l")) {
            return Io.ok(lines + "\n");
        }
        if (args.contains("-w")) {
            return Io.ok(words + "\n");
        }
        if (args.contains("-c")) {
            return Io.ok(bytes + "\n");
        }
        return Io.ok(String.format(Locale.ROOT, "%7d %7d %7d%n", lines, words, bytes));
    }

    private static Io echo(List<String> args) {
        boolean newline = true;
        List<String> a = args;
        if (!a.isEmpty() && a.get(0).equals("-n")) {
            newline = false;
            a = a.subList(1, a.size());
        }
        return Io.ok(String.join(" ", a) + (newline ? "\n" : ""));
    }

    private Io cat(List<String> args, String stdin) {
        if (args.isEmpty()) {
            return Io.ok(stdin);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String f : args) {
            byte[] b = pod.files.get(normalise(f));
            if (b == null) {
                err.append("cat: ").append(f).append(": No such file or directory\n");
            } else {
                out.append(new String(b, StandardCharsets.UTF_8));
            }
        }
        return new Io(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    private Io ls(List<String> args) {
        String dir = args.stream().filter(a -> !a.startsWith("-")).findFirst().map(PodShell::normalise).orElse("");
        String prefix = dir.isEmpty() || dir.equals(".") ? "" : dir + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String path : pod.files.keySet()) {
            if (path.equals(dir)) {
                names.add(path);
            } else if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        if (names.isEmpty() && !prefix.isEmpty()) {
            return Io.fail("ls: cannot access '" + dir + "': No such file or directory\n", 2);
        }
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append(n).append('\n'));
        return Io.ok(out.toString());
    }

    private Io sleep(List<String> args) {
        if (args.isEmpty()) {
            return Io.fail("sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([smh]?)").matcher(args.get(0));
        if (!m.matches()) {
            return Io.fail("sleep: invalid time interval '" + args.get(0) + "'\nTry 'sleep --help' for more information.\n", 1);
        }
        double n = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2)) {
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        };
        pod.sleptMillis += (long) (n * factor);
        return Io.ok("");
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String l : text.split("\n", -1)) {
            out.add(l);
        }
        if (text.endsWith("\n")) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static String normalise(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
