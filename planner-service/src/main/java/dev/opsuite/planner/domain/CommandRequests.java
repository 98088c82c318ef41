package dev.opsuite.planner.domain;

import dev.opsuite.kit.cache.Lru;
import dev.opsuite.model.asset.PolicySecurity;
import dev.opsuite.model.asset.Text;
import dev.opsuite.planner.domain.understand.Analyses;
import dev.opsuite.planner.domain.understand.Analyzed;
import dev.opsuite.planner.domain.understand.Folding;
import dev.opsuite.planner.domain.understand.QuestionAnalyzer;
import dev.opsuite.planner.domain.understand.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requests to act rather than to read — change or destroy something, or carry data out — in any
 * wording (Policy asset security.commands: one rule per policy, e.g. read_only and exfiltration).
 * English: a listed verb used as a command — the first word or after a request ("please", "can
 * you") in its base form, or any form of it before its object ("the", "all", "table", a name).
 * Korean: a stem the analyser tags as a verb, a noun made active with 하다 ("삭제해", not the
 * passive "삭제된" nor the past "삭제했"), a command noun ending the sentence ("기록 싹 삭제"), or a
 * listed surface ("지워"). "the last update of X" and "why did CPU drop" stay questions.
 */
final class CommandRequests {
    /** A policy's command words. */
    private record Rule(String policy, Text reason, Set<String> verbs, Set<String> stems, Set<String> koStems,
                        Set<String> nounCommands, List<String> surfaces, List<String> patterns, List<String> phrasal,
                        List<Map.Entry<String, java.util.regex.Pattern>> splitPhrasal) {}

    public record Hit(String policy, Text reason, String word) {}

    /** Folding and stemming every word takes longer than most questions: once per Policy version. */
    private static final Map<PolicySecurity.Commands, CommandRequests> BUILT = Lru.bounded(16);

    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> requests = new HashSet<>();
    private final Set<String> objects = new HashSet<>();
    private final Set<String> nounMarkers = new HashSet<>();
    private final Set<String> koRequestEndings = new HashSet<>();
    private final Set<String> nounFollowers = new HashSet<>();

    private CommandRequests(PolicySecurity.Commands commands) {
        commands.requestWords().forEach(v -> requests.add(Folding.fold(v)));
        commands.objectWords().forEach(v -> objects.add(Folding.fold(v)));
        commands.nounMarkers().forEach(v -> nounMarkers.add(Folding.fold(v)));
        commands.koRequestWords().forEach(v -> koRequestEndings.add(Folding.fold(v)));
        commands.nounFollowers().forEach(v -> nounFollowers.add(Folding.fold(v)));
        for (PolicySecurity.CommandRule r : commands.rules()) {
            Set<String> verbs = new HashSet<>();
            Set<String> stems = new HashSet<>();
            r.verbs().forEach(v -> {
                verbs.add(Folding.fold(v));
                stems.add(QuestionAnalyzer.stem(Folding.fold(v)));
            });
            rules.add(new Rule(r.policy(), r.reason(), verbs, stems, set(r.koStems()), set(r.koNounCommands()),
                    list(r.koSurfaces()), list(r.patterns()), list(r.phrasalVerbs()),
                    list(r.phrasalVerbs()).stream().flatMap(v -> SplitPhrasal.pattern(v).map(x -> Map.entry(v, x)).stream())
                            .toList()));
        }
    }

    /** The command words of a Policy's {@code security.commands}. */
    static CommandRequests of(PolicySecurity.Commands commands) {
        return BUILT.computeIfAbsent(commands, CommandRequests::new);
    }

    private static Set<String> set(List<String> words) {
        return new HashSet<>(list(words));
    }

    private static List<String> list(List<String> words) {
        List<String> out = new ArrayList<>();
        words.forEach(v -> out.add(Folding.fold(v)));
        return out;
    }

    Optional<Hit> find(String question) {
        return find(question, Analyses.ofOneQuestion());
    }

    /** @param analyses the question's analyses, shared with its understanding ({@link Analyses}) */
    Optional<Hit> find(String question, Analyses analyses) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        Analyzed a = QuestionAnalyzer.analyze(question, w -> false, w -> false, w -> Set.of(), List.of(), analyses);
        for (Rule r : rules) {
            Optional<String> word = match(r, a);
            if (word.isPresent()) {
                return Optional.of(new Hit(r.policy(), r.reason(), word.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> match(Rule r, Analyzed a) {
        for (String s : r.surfaces()) {
            if (!s.isEmpty() && a.text().contains(s)) {
                return Optional.of(s);
            }
        }
        for (String p : r.patterns()) {
            if (Phrases.contains(a.text(), p)) {
                return Optional.of(p);
            }
        }
        for (String p : r.phrasal()) {
            // "switch off the status page", "can you take down X", "we need to turn off X"
            if (askedAt(a.text(), Phrases.indexOf(a.text(), p))) {
                return Optional.of(p);
            }
        }
        for (Map.Entry<String, java.util.regex.Pattern> split : r.splitPhrasal()) {
            // "roll ticket-queue back to 4.3", "take the old VM down": the verb's particle after its object
            java.util.regex.Matcher m = split.getValue().matcher(a.text());
            if (m.find() && askedAt(a.text(), m.start())) {
                return Optional.of(split.getKey());
            }
        }
        List<Token> tokens = a.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.latin() && r.stems().contains(t.stem()) && !agentNoun(r, t) && usedAsCommand(r, a, tokens, i)) {
                return Optional.of(t.surface());
            }
            if (t.hangul() && r.koStems().contains(t.morpheme()) && t.pos().startsWith("NN") && requestedAfter(tokens, i)) {
                return Optional.of(t.surface()); // "상태값을 running으로 수정 처리 바랍니다"
            }
            if (t.hangul() && !r.koStems().contains(t.morpheme()) && r.koStems().contains(prefixed(tokens, i))
                    && activeAfter(tokens, i) && !pastOrDone(tokens, doerAt(tokens, i) + 1)
                    && !StateClause.follows(tokens, doerAt(tokens, i) + 1, koRequestEndings)) {
                // "재시작 해 줘", "재부팅 해주세요": the analyser splits the prefix off the listed noun (재 + 시작)
                return Optional.of(tokens.get(i - 1).surface() + t.surface());
            }
            if (t.hangul() && !r.nounCommands().contains(t.morpheme()) && r.nounCommands().contains(prefixed(tokens, i))
                    && UrgedCommand.after(tokens, i)) {
                return Optional.of(tokens.get(i - 1).surface() + t.surface()); // "재부팅좀 얼른", split as 재 + 부팅
            }
            if (t.hangul() && r.koStems().contains(t.morpheme())) {
                // a verb never sits on a noun without a space or 하다, and a glued "꺼" is spoken 것:
                // "이번주꺼", "오늘꺼" are "this week's", "today's" — not 끄다
                boolean glued = i > 0 && tokens.get(i - 1).end() == t.start()
                        && (tokens.get(i - 1).pos().startsWith("N") || t.surface().equals("꺼"));
                boolean verb = t.pos().equals("VV") && !glued;
                // "삭제해", and "삭제 해 주세요": a command noun's 하다 glued to it or after a space
                boolean active = activeAfter(tokens, i);
                int after = verb ? i + 1 : doerAt(tokens, i) + 1;
                if ((verb || active) && !pastOrDone(tokens, after) && !StateClause.follows(tokens, after, koRequestEndings)) {
                    return Optional.of(t.surface());
                }
                // "기록 싹 삭제" ends on the command; "롤백했어?" ends on a past — asked about, not a command
                if (r.nounCommands().contains(t.morpheme()) && (lastContent(tokens, i) || UrgedCommand.after(tokens, i))
                        && !pastOrDone(tokens, i + 1)) {
                    return Optional.of(t.surface());
                }
            }
        }
        return Optional.empty();
    }

    /** Shapes an answer is asked in, after a label ("Format: table", "Output format: JSON"). */
    private static final java.util.regex.Pattern OUTPUT_SHAPE = java.util.regex.Pattern.compile(
            "\\s*:\\s*(?:an?\\s+|one\\s+)?(?:ordered\\s+|bulleted\\s+|plain\\s+|markdown\\s+)?"
                    + "(?:table|json|list|text|chart|csv|markdown|bullets?|number|percent|yaml)\\b.*",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    /**
     * "Format: table", "format: JSON {…}": the noun format as a label, followed by a colon and the shape of the answer.
     * Only this word: "Delete: table x" stays a command.
     */
    static boolean outputLabel(String text, Token t) {
        return Folding.fold(t.surface()).equals("format") && OUTPUT_SHAPE.matcher(text.substring(t.end())).matches();
    }

    /** Quotation marks of a name; straight or curly. */
    private static final String QUOTES = "\"\u201c\u201d";

    /**
     * Whether the word lies inside a pair of quotation marks holding at most four words, as a name or
     * value is quoted ("FY Close", “Close Batch”); a longer quoted stretch is a sentence, and judged as one.
     */
    static boolean quotedName(String text, Token t) {
        int open = -1;
        for (int k = t.start() - 1; k >= 0 && t.start() - k <= 80; k--) {
            if (QUOTES.indexOf(text.charAt(k)) >= 0) {
                open = k;
                break;
            }
        }
        if (open < 0 || text.substring(0, open).chars().filter(c -> QUOTES.indexOf(c) >= 0).count() % 2 != 0) {
            return false; // no quote before it, or that quote closes an earlier pair
        }
        int close = -1;
        for (int k = t.end(); k < text.length() && k - t.end() <= 80; k++) {
            if (QUOTES.indexOf(text.charAt(k)) >= 0) {
                close = k;
                break;
            }
        }
        return close > 0 && text.substring(open + 1, close).strip().split("\\s+").length <= 4;
    }

    /** "dns resolver 1", "the updater": the one that does it, a noun, not the verb ("alter" is listed itself). */
    private static boolean agentNoun(Rule r, Token t) {
        String w = Folding.fold(t.surface());
        return !r.verbs().contains(w) && w.matches(".*[a-z](er|or)s?");
    }

    /**
     * "삭제해", "삭제 해 주세요", "재시작 좀 해줘", "삭제 빨리 해": the word's 하다, glued to it or (after a noun) following
     * a space, with only urging words between ({@link UrgedCommand#past}).
     */
    private static boolean activeAfter(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        int j = UrgedCommand.past(tokens, i + 1);
        if (j > i + 1 && !t.pos().startsWith("N")) {
            return false;
        }
        return j < tokens.size() && tokens.get(j).morpheme().equals("하")
                && (tokens.get(j).pos().equals("XSV") || tokens.get(j).pos().equals("VV") && t.pos().startsWith("N"));
    }

    /** Where the 하다 of the word at {@code i} would stand: after the urging words that follow it. */
    private static int doerAt(List<Token> tokens, int i) {
        return UrgedCommand.past(tokens, i + 1);
    }

    /** A noun with the prefix written on it ("재" + "시작"), or "" when none is glued before it. */
    private static String prefixed(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (i == 0 || !t.pos().startsWith("NN")) {
            return "";
        }
        Token p = tokens.get(i - 1);
        return p.pos().equals("XPN") && p.end() == t.start() ? p.morpheme() + t.morpheme() : "";
    }

    private static Optional<Token> next(List<Token> tokens, int i) {
        return i + 1 < tokens.size() ? Optional.of(tokens.get(i + 1)) : Optional.empty();
    }

    /** Nothing but grammar after it: "지난주 이벤트 기록 싹 삭제". */
    private static boolean lastContent(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).function()) {
                return false;
            }
        }
        return true;
    }

    /**
     * "삭제했", "삭제한", "지운", "꺼져 있는": something that happened or a state, asked about — not a
     * command. Looks along the grammar after the verb (endings, auxiliaries) and a following 있다.
     */
    static boolean pastOrDone(List<Token> tokens, int from) {
        for (int j = from; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            String m = t.morpheme();
            if (t.pos().equals("E")) {
                if (m.startsWith("었") || m.startsWith("았") || m.startsWith("였") || m.equals("ㄴ") || m.equals("은")
                        || m.equals("는") || m.startsWith("던")) {
                    return true;
                }
            } else if (t.pos().equals("VX") && m.equals("지") || (t.pos().equals("VA") || t.pos().equals("VX"))
                    && m.equals("있")) {
                return true; // passive 지다, or a state with 있다
            } else if (!t.function()) {
                return false;
            }
        }
        return false;
    }

    /**
     * Hesitations a speaker (or a speech recogniser) puts before what is said: "uh, delete the test VM", "um restart X".
     * They are few and closed, so they are listed here rather than in the Policy.
     */
    private static final java.util.regex.Pattern FILLERS = java.util.regex.Pattern.compile(
            "^(?:(?:uh+|um+|uhm|erm?|hmm+|ah+|oh|ok|okay|so|well|hey)\\b[\\s,.…-]*)+");

    /** What is said before a word, without the hesitations it starts with. */
    static String withoutFillers(String before) {
        return FILLERS.matcher(before).replaceFirst("").strip();
    }

    /** A command word at {@code at} (-1: none) that starts the question, follows "to", or follows a request. */
    private boolean askedAt(String text, int at) {
        if (at < 0) {
            return false;
        }
        String before = withoutFillers(text.substring(0, at).strip());
        return before.isEmpty() || before.endsWith(" to") || before.equals("to") || requested(before);
    }

    private boolean requested(String before) {
        if (requests.stream().anyMatch(q -> before.equals(q) || before.endsWith(" " + q))) {
            return true;
        }
        // "please you turn off …", "can you please shut …": a request a word or two back
        String[] words = before.split("\\s+");
        String tail = String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
        return java.util.stream.Stream.of("please", "pls", "plz", "can you", "could you", "would you")
                .anyMatch(q -> (" " + tail + " ").contains(" " + q + " "));
    }

    /** Verbs that carry a command noun out, written right after it: "롤백 돌려", "재시작 걸어" (analysed 걷/걸), "롤백 쳐". */
    private static final Set<String> CARRY_OUT = Set.of("돌리", "걸", "걷", "치");

    /**
     * Between the command noun at {@code i} and the 주다 at {@code j}: adverbs only, then one verb of carrying it out and
     * its ending — "롤백 바로 돌려 주세요"; "변경을 알려 주세요", "변경 알려 주세요" (tell me the changes) are no command.
     */
    private static boolean carriedOut(List<Token> tokens, int i, int j) {
        int k = i + 1;
        while (k < j && tokens.get(k).pos().equals("MAG")) {
            k++;
        }
        if (k >= j || !tokens.get(k).pos().equals("VV") || !CARRY_OUT.contains(tokens.get(k).morpheme())) {
            return false;
        }
        for (k++; k < j; k++) {
            if (!tokens.get(k).pos().equals("E")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A command noun followed straight by a request: "수정 처리 바랍니다", "삭제 요청", "중지 부탁", or by a verb of
     * carrying it out asked for with the auxiliary 주다 ("롤백 돌려 주세요", "재시작 바로 걸어줘"; {@link #carriedOut}).
     * Adverbs ("바로", "얼른") do not count among the two words looked at.
     */
    private boolean requestedAfter(List<Token> tokens, int i) {
        int seen = 0;
        for (int j = i + 1; j < tokens.size() && seen < 2; j++) {
            Token n = tokens.get(j);
            if (koRequestEndings.contains(n.morpheme()) || koRequestEndings.contains(n.surface())) {
                return true;
            }
            if (n.pos().equals("VX") && n.morpheme().equals("주") && carriedOut(tokens, i, j) && !pastOrDone(tokens, j + 1)) {
                return true; // "롤백 돌려 주세요": the command, a verb of running it, its 어 and 주다 — a request
            }
            if (!n.function() && !n.pos().equals("MAG")) {
                seen++;
            }
        }
        return false;
    }

    private boolean usedAsCommand(Rule r, Analyzed a, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String before = withoutFillers(a.text().substring(0, t.start()).strip());
        if (quotedName(a.text(), t)) {
            return false; // --app "FY Close": a word of a name written in quotes, not an imperative
        }
        if (i > 0 && nounMarkers.contains(tokens.get(i - 1).surface())) {
            return false; // "the count of change records", "the change log": a noun
        }
        if (outputLabel(a.text(), t)) {
            return false; // "Format: table": a prompt template's label for the shape of the answer
        }
        if (t.start() > 0 && a.text().charAt(t.start() - 1) == '/') {
            return false; // "the deploy/change rows": a second noun of a list written with a slash
        }
        if (i + 1 < tokens.size() && nounFollowers.contains(tokens.get(i + 1).surface())
                && !SplitPhrasal.nameHead(a.text(), tokens.get(i + 1))) {
            return false; // "list the deploy and change events": a noun before a record word
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).hangul() && tokens.get(i + 1).morpheme().equals("하")
                && pastOrDone(tokens, i + 2)) {
            return false; // "change 했던거": what was done, asked about
        }
        boolean requested = before.isEmpty() || requested(before);
        if (requested && r.verbs().contains(t.surface())) {
            return true; // the imperative: "drop …", "please delete …"
        }
        if ((t.surface().endsWith("ed") || t.surface().endsWith("ing")) && !r.verbs().contains(t.surface())) {
            return false; // "stopped VMs", "deleted rows", "restarting": a state or a past event, asked about
        }
        if (i + 1 < tokens.size() && !t.surface().endsWith("s") || i + 1 < tokens.size() && r.verbs().contains(t.surface())) {
            Token n = tokens.get(i + 1);
            return objects.contains(n.surface()) || !n.latin() && !n.number() && !n.function()
                    || n.surface().chars().anyMatch(Character::isDigit) || n.surface().contains("-");
        }
        return false;
    }
}
