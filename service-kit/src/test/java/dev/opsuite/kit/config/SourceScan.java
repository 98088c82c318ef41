package dev.opsuite.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the product's sources say about environment variables: every OPS_… / OPENAI_… name in a
 * string literal of main code (comments and identifiers such as {@code OPS_MODE_FIELD_NUMBER} are
 * not names read) or in the {@code ops} script outside its comments, and every literal fallback a
 * name is read with ({@code get("X", "lit")}, {@code getInt("X", 123)}, {@code getOrDefault("X", "lit")},
 * {@code get("X").orElse("lit")}, {@code ${X:-lit}}). Test sources are not scanned, nor the catalog.
 */
final class SourceScan {
    /** A name, or a prefix ending in '_' ("OPS_SECRET_" + ref), where it occurs. */
    record Mention(String name, String where) {
        boolean prefix() {
            return name.endsWith("_");
        }
    }

    /** A read with a literal fallback, the literal as the code applies it. */
    record Fallback(String name, String literal, String where) {}

    static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_])(?:OPS|OPENAI|OTEL)_[A-Z0-9_]+");
    private static final String STRING = "\"(?:[^\"\\\\\\n]|\\\\.)*\"";
    private static final String ARG = "(" + STRING + "|-?\\d[\\d_]*L?(?:\\s*\\*\\s*\\d[\\d_]*L?)*"
            + "|[A-Z][A-Za-z0-9_]*\\.[A-Z][A-Z0-9_]*|[A-Z][A-Z0-9_]*)";
    private static final String KEY = "\"((?:OPS|OPENAI|OTEL)_[A-Z0-9_]+)\"";
    private static final Pattern JAVA_FALLBACK = Pattern.compile(
            "\\b(?:get|getInt|getOrDefault)\\(\\s*" + KEY + "\\s*,\\s*" + ARG + "\\s*\\)");
    private static final Pattern JAVA_OR_ELSE = Pattern.compile(
            "\\bget\\(\\s*" + KEY + "\\s*\\)\\s*\\.orElse\\(\\s*" + ARG + "\\s*\\)");
    private static final Pattern CONSTANT = Pattern.compile(
            "\\bstatic\\s+final\\s+(?:String|int|long)\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*" + ARG + "\\s*;");
    private static final Pattern SHELL_FALLBACK = Pattern.compile(
            "\\$\\{((?:OPS|OPENAI|OTEL)_[A-Z0-9_]+):-([^}$]*)}");

    final List<Mention> mentions = new ArrayList<>();
    final List<Fallback> fallbacks = new ArrayList<>();
    /** "Class.NAME" of every constant of a literal value, for fallbacks given as constants. */
    private final Map<String, String> constants = new HashMap<>();
    /** The same per source file, by their simple names. */
    private final Map<String, Map<String, String>> fileConstants = new HashMap<>();
    private final List<JavaSource> pending = new ArrayList<>();

    private record JavaSource(String where, String code, List<Literal> literals) {}

    private record Literal(String text, int line) {}

    /** Scans every module's main Java sources and the ops script under {@code root}. */
    static SourceScan of(Path root) {
        SourceScan scan = new SourceScan();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        String text = Files.readString(f, StandardCharsets.UTF_8);
                        if (!catalogSource(f, text)) {
                            scan.addJava(root.relativize(f).toString(), text);
                        }
                    }
                }
            }
            scan.addScript("ops", Files.readString(root.resolve("ops"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scan.finish();
    }

    /** The catalog's own files declare every name; they are what the rest is checked against. */
    static boolean catalogSource(Path file, String text) {
        return file.getParent().endsWith(Path.of("dev/opsuite/kit/config"))
                && (text.contains("ConfigVar.variable(") || text.contains("new ConfigVar("));
    }

    /** The repository root: the nearest directory at or above user.dir holding both ops and pom.xml. */
    static Path repoRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ops")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with ops and pom.xml at or above " + System.getProperty("user.dir"));
    }

    /** Adds one Java source (its literals and constants; fallbacks are resolved by {@link #finish}). */
    SourceScan addJava(String where, String source) {
        StringBuilder code = new StringBuilder(source.length());
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    code.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    char k = source.charAt(i);
                    code.append(k == '\n' ? '\n' : ' ');
                    line += k == '\n' ? 1 : 0;
                }
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                literals.add(new Literal(source.substring(i, end), line));
                for (; i < end; i++) {
                    char k = source.charAt(i);
                    code.append(k);
                    line += k == '\n' ? 1 : 0;
                }
            } else if (c == '"' || c == '\'') {
                int start = i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(n, i + 1);
                if (c == '"') {
                    literals.add(new Literal(source.substring(start, i), line));
                }
                code.append(source, start, i);
            } else {
                code.append(c);
                line += c == '\n' ? 1 : 0;
                i++;
            }
        }
        String className = Path.of(where).getFileName().toString().replaceFirst("\\.java$", "");
        pending.add(new JavaSource(where, code.toString(), literals));
        Map<String, String> own = fileConstants.computeIfAbsent(where, w -> new HashMap<>());
        Matcher m = CONSTANT.matcher(code);
        while (m.find()) {
            Optional<String> value = literal(m.group(2), Map.of());
            if (value.isPresent()) {
                constants.put(className + "." + m.group(1), value.get());
                own.put(m.group(1), value.get());
            }
        }
        return this;
    }

    /** Adds the ops script: every line but its comments is text a user or the JVM sees. */
    SourceScan addScript(String where, String script) {
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("#")) {
                continue;
            }
            names(lines[i], where + ":" + (i + 1));
            Matcher m = SHELL_FALLBACK.matcher(lines[i]);
            while (m.find()) {
                fallbacks.add(new Fallback(m.group(1), m.group(2), where + ":" + (i + 1)));
            }
        }
        return this;
    }

    /** Resolves the Java sources added: their mentions, and their fallbacks (constants known by now). */
    SourceScan finish() {
        for (JavaSource s : pending) {
            Map<String, String> known = new HashMap<>(constants);
            known.putAll(fileConstants.get(s.where()));
            for (Literal l : s.literals()) {
                names(l.text(), s.where() + ":" + l.line());
            }
            for (Pattern p : List.of(JAVA_FALLBACK, JAVA_OR_ELSE)) {
                Matcher m = p.matcher(s.code());
                while (m.find()) {
                    int line = 1 + (int) s.code().substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                    Optional<String> value = literal(m.group(2), known);
                    value.ifPresent(v -> fallbacks.add(new Fallback(m.group(1), v, s.where() + ":" + line)));
                }
            }
        }
        pending.clear();
        return this;
    }

    private void names(String text, String where) {
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            mentions.add(new Mention(m.group(), where));
        }
    }

    /** The value of a literal argument (string, integer, product of integers, known constant), if it is one. */
    static Optional<String> literal(String arg, Map<String, String> constants) {
        if (arg.startsWith("\"")) {
            return Optional.of(arg.substring(1, arg.length() - 1).replaceAll("\\\\(.)", "$1"));
        }
        if (Character.isDigit(arg.charAt(0)) || arg.startsWith("-")) {
            long value = 1;
            for (String factor : arg.split("\\*")) {
                value = Math.multiplyExact(value, Long.parseLong(factor.strip().replace("_", "").replaceFirst("L$", "")));
            }
            return Optional.of(Long.toString(value));
        }
        return Optional.ofNullable(constants.get(arg));
    }
}
