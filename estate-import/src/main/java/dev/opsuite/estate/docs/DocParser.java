package dev.opsuite.estate.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.opsuite.estate.EstateImportException;
import dev.opsuite.estate.ImportProblem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Reads one document of an import's docs/ folder: YAML front matter (title, kind, lang, tags, cis,
 * ci_types, alert) between two {@code ---} lines, then Markdown cut into sections at its headings
 * (CommonMark, so a '#' inside a code block is no heading). A plain-text file may go without front
 * matter (its first line is the title); a Markdown file may not: what it applies to is what links it
 * to the estate, and a runbook silently linked to nothing would be found by words alone. Anything
 * wrong refuses the file with its line and the reason; nothing of it is indexed.
 */
public final class DocParser {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_SECTIONS = 400;
    public static final int MAX_PATH_CHARS = 300;
    public static final Set<String> KINDS = dev.opsuite.model.PlanModel.Documents.KINDS;
    public static final Set<String> KEYS = Set.of("title", "kind", "lang", "tags", "cis", "ci_types", "alert");
    private static final Pattern PATH = Pattern.compile("[\\p{L}\\p{N}._ /-]+\\.(md|markdown|txt)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private DocParser() {}

    /** The document, or {@link EstateImportException} naming the file, the line and what is wrong. */
    public static DocFile parse(String path, byte[] bytes) {
        String p = path == null ? "" : path.strip().replace('\\', '/');
        if (p.isEmpty() || p.length() > MAX_PATH_CHARS || p.startsWith("/") || p.contains("../")
                || p.startsWith("..") || !PATH.matcher(p).matches()) {
            throw refuse(p.isEmpty() ? "(unnamed)" : p, 0, "a document's path must be relative, at most "
                    + MAX_PATH_CHARS + " characters of letters, digits, '._ /-', ending in .md, .markdown or .txt");
        }
        if (bytes.length > MAX_BYTES) {
            throw refuse(p, 0, "the document is " + bytes.length + " bytes; at most " + MAX_BYTES + " are indexed");
        }
        String text = utf8(p, bytes).replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        boolean markdown = !p.endsWith(".txt");
        int bodyStart = 0;
        JsonNode front = YAML.createObjectNode();
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            int close = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                throw refuse(p, 1, "the front matter opened on line 1 is never closed by a '---' line");
            }
            front = frontMatter(p, String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close)));
            bodyStart = close + 1;
        } else if (markdown) {
            throw refuse(p, 1, "no front matter: a Markdown document starts with '---', then title, kind, tags "
                    + "and the cis or ci_types it applies to, then '---'");
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, bodyStart, lines.length));
        List<DocSection> sections = new ArrayList<>();
        String title = str(front, "title");
        if (markdown) {
            title = sections(p, body, bodyStart, title, sections);
        } else {
            if (title.isEmpty()) {
                title = body.strip().lines().findFirst().orElse("").strip();
            }
            if (!body.isBlank()) {
                sections.add(new DocSection(title, title, bodyStart + 1, body.strip()));
            }
        }
        if (title.isEmpty()) {
            throw refuse(p, 1, "no title: give 'title:' in the front matter or begin the text with a '# ' heading");
        }
        if (sections.isEmpty()) {
            throw refuse(p, bodyStart + 1, "the document has no text to search");
        }
        if (sections.size() > MAX_SECTIONS) {
            throw refuse(p, sections.get(MAX_SECTIONS).line(), "more than " + MAX_SECTIONS + " sections");
        }
        String kind = str(front, "kind").toLowerCase(Locale.ROOT);
        if (kind.isEmpty()) {
            kind = "guide";
        } else if (!KINDS.contains(kind)) {
            throw refuse(p, keyLine(lines, "kind"), "kind '" + kind + "' is not one of " + new java.util.TreeSet<>(KINDS));
        }
        String lang = str(front, "lang").toLowerCase(Locale.ROOT);
        if (lang.isEmpty()) {
            lang = hangulShare(body) >= 0.2 ? "ko" : "en";
        } else if (!lang.equals("ko") && !lang.equals("en")) {
            throw refuse(p, keyLine(lines, "lang"), "lang '" + lang + "' is neither ko nor en");
        }
        return new DocFile(p, title, kind, lang, list(p, lines, front, "tags"), list(p, lines, front, "cis"),
                list(p, lines, front, "ci_types"), str(front, "alert"), sha256(bytes), sections);
    }

    /**
     * A document given field by field (a row of a documents table): the same checks as a file's front
     * matter, the body read as Markdown and cut into sections. {@code path} is the row's identity.
     */
    public static DocFile fromFields(String path, String title, String body, String kind, String lang,
                                     List<String> tags, List<String> cis, List<String> ciTypes, String alert) {
        String p = path == null ? "" : path.strip();
        if (p.isEmpty() || p.length() > MAX_PATH_CHARS) {
            throw refuse(p.isEmpty() ? "(no path)" : p.substring(0, Math.min(80, p.length())), 0,
                    "a document row needs a path of 1-" + MAX_PATH_CHARS + " characters");
        }
        String text = body == null ? "" : body;
        if (text.length() > MAX_BYTES) {
            throw refuse(p, 0, "the body is longer than " + MAX_BYTES + " characters");
        }
        String t = title == null ? "" : title.strip();
        List<DocSection> sections = new ArrayList<>();
        t = sections(p, text, 0, t, sections);
        if (t.isEmpty()) {
            throw refuse(p, 0, "no title");
        }
        if (sections.isEmpty()) {
            throw refuse(p, 0, "the document has no text to search");
        }
        String k = kind == null || kind.isBlank() ? "guide" : kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw refuse(p, 0, "kind '" + k + "' is not one of " + new java.util.TreeSet<>(KINDS));
        }
        String l = lang == null || lang.isBlank() ? (hangulShare(text) >= 0.2 ? "ko" : "en")
                : lang.strip().toLowerCase(Locale.ROOT);
        if (!l.equals("ko") && !l.equals("en")) {
            throw refuse(p, 0, "lang '" + l + "' is neither ko nor en");
        }
        String identity = String.join("\u0000", p, t, text, k, l, String.join(",", tags), String.join(",", cis),
                String.join(",", ciTypes), alert == null ? "" : alert);
        return new DocFile(p, t, k, l, tags, cis, ciTypes, alert == null ? "" : alert.strip(),
                sha256(identity.getBytes(StandardCharsets.UTF_8)), sections);
    }

    private static JsonNode frontMatter(String path, String yaml) {
        JsonNode n;
        try {
            n = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1; // after the opening ---
            throw refuse(path, line, "the front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            return YAML.createObjectNode();
        }
        if (!n.isObject()) {
            throw refuse(path, 2, "the front matter must be 'key: value' lines");
        }
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw refuse(path, 2, "unknown front matter key '" + key + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        return n;
    }

    /** Cuts the Markdown at its headings; returns the title (the front matter's, else the first level-1 heading). */
    private static String sections(String path, String body, int offset, String title, List<DocSection> out) {
        Node doc = MARKDOWN.parse(body);
        String[] lines = body.split("\n", -1);
        String docTitle = title;
        List<String> trail = new ArrayList<>(); // headings by level - 1
        String heading = null;
        int headingLevel = 0;
        int start = 0; // first body line (0-based) of the current section
        int headingLine = 0;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof Heading h) || n.getSourceSpans().isEmpty()) {
                continue;
            }
            int at = n.getSourceSpans().get(0).getLineIndex();
            String text = PLAIN.render(h).strip();
            flush(lines, start, at, heading == null ? docTitle : heading, trail, headingLevel, offset + headingLine + 1,
                    out, docTitle);
            if (h.getLevel() == 1 && docTitle.isEmpty()) {
                docTitle = text;
            }
            while (trail.size() >= h.getLevel()) {
                trail.remove(trail.size() - 1);
            }
            while (trail.size() < h.getLevel() - 1) {
                trail.add("");
            }
            trail.add(text);
            heading = text;
            headingLevel = h.getLevel();
            int end = n.getSourceSpans().get(n.getSourceSpans().size() - 1).getLineIndex();
            start = end + 1;
            headingLine = at;
        }
        flush(lines, start, lines.length, heading == null ? docTitle : heading, trail, headingLevel,
                offset + headingLine + 1, out, docTitle);
        return docTitle;
    }

    private static void flush(String[] lines, int from, int to, String heading, List<String> trail, int level, int line,
                              List<DocSection> out, String title) {
        String text = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(from, lines.length),
                Math.min(Math.max(from, to), lines.length))).strip();
        if (text.isEmpty()) {
            return; // a heading directly followed by another: its words are in the next section's trail
        }
        List<String> named = new ArrayList<>();
        trail.stream().filter(t -> !t.isEmpty()).forEach(named::add);
        if (title != null && !title.isEmpty() && (named.isEmpty() || !named.get(0).equals(title))) {
            named.add(0, title); // the citation starts with the document's title
        }
        String h = heading == null || heading.isEmpty() ? title : heading;
        out.add(new DocSection(h == null ? "" : h, String.join(" › ", named.isEmpty() ? List.of(h == null ? "" : h)
                : named), line, text));
    }

    private static List<String> list(String path, String[] lines, JsonNode front, String key) {
        JsonNode v = front.path(key);
        List<String> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw refuse(path, keyLine(lines, key), "'" + key + "' must be a list, e.g. " + key + ": [a, b]");
        }
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.asText().isBlank()) {
                throw refuse(path, keyLine(lines, key), "'" + key + "' holds an item that is not a word");
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    private static String str(JsonNode front, String key) {
        JsonNode v = front.path(key);
        return v.isValueNode() ? v.asText().strip() : "";
    }

    private static int keyLine(String[] lines, String key) {
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
            if (lines[i].strip().equals("---")) {
                break;
            }
        }
        return 1;
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refuse(path, 0, "the document is not UTF-8 text");
        }
    }

    private static double hangulShare(String s) {
        long letters = s.codePoints().filter(Character::isLetter).count();
        long hangul = s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL).count();
        return letters == 0 ? 0 : (double) hangul / letters;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EstateImportException refuse(String path, long line, String reason) {
        return new EstateImportException(new ImportProblem(path, Math.max(line, 1), 0, null, reason));
    }
}
