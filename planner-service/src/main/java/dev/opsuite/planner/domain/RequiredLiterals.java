package dev.opsuite.planner.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Literals one of which every match of a regular expression contains ("월" of a Korean date, the
 * digits of an ISO date, "week" or "주" of a week phrase) — a prefilter: a text containing none of
 * them cannot match, so the pattern need not run over it. The asset patterns are many (the Prompt's
 * 65 time atoms alone) and RE2/J simulates an automaton per character and state, so skipping those
 * that cannot match is most of their cost on a long question.
 *
 * <p>Conservative by construction: an optional or repeated-from-zero part requires nothing, a large
 * class or {@code .} requires nothing, and anything this reader does not know (\Q…\E, \p classes,
 * hex escapes, case-folding flags) gives no prefilter at all — the pattern always runs. Only the
 * RE2 syntax the assets use is read: groups ({@code (?:…)}, named), alternation, classes, the
 * quantifiers {@code ? * + {n,m}} (lazy or not), escapes of punctuation, \d \s \w \b and anchors.
 */
final class RequiredLiterals {
    /** Cross products and classes larger than this give up (no requirement from that part). */
    private static final int MAX_SET = 64;
    /**
     * An alternation's requirement is the union of its alternatives': larger than {@link #MAX_SET}, as a
     * pattern of many alternatives (the time zones: ≈ 90 names) is the costliest to run and a few hundred
     * {@code contains} cost less than running it once.
     */
    private static final int MAX_REQUIRED = 256;
    private static final Set<String> EMPTY_WIDTH = Set.of("");

    private final String re;
    private int at;

    private RequiredLiterals(String re) {
        this.re = re;
    }

    /**
     * The literals one of which every match contains, or null when no such set is known (then the
     * pattern must always run). Never contains the empty string.
     */
    static Set<String> of(String regex) {
        try {
            RequiredLiterals r = new RequiredLiterals(regex);
            Node n = r.alternation();
            if (r.at != regex.length()) {
                return null;
            }
            Set<String> req = n.exact != null ? n.exact : n.required;
            return req == null || req.isEmpty() || req.contains("") ? null : Collections.unmodifiableSet(req);
        } catch (Unknown e) {
            return null;
        }
    }

    /** exact: the finite set of strings the part matches, or null; required: one of these is in every match. */
    private record Node(Set<String> exact, Set<String> required) {
        static final Node NOTHING_KNOWN = new Node(null, null);

        Set<String> best() {
            return exact != null ? exact : required;
        }
    }

    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private Node alternation() {
        Node left = concatenation();
        while (at < re.length() && re.charAt(at) == '|') {
            at++;
            Node right = concatenation();
            left = new Node(union(left.exact, right.exact, MAX_SET), union(left.best(), right.best(), MAX_REQUIRED));
        }
        return left;
    }

    private Node concatenation() {
        Set<String> whole = EMPTY_WIDTH; // the exact strings of all parts read so far, while known (else null)
        Set<String> run = EMPTY_WIDTH;   // the exact strings of the current run of exact parts
        Set<String> best = null;         // the most selective requirement seen
        while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
            Node part = repeated();
            if (part.exact != null) {
                Set<String> longer = product(run, part.exact);
                run = longer != null ? longer : part.exact;
                best = better(best, run);
            } else {
                best = better(best, part.required);
                run = EMPTY_WIDTH;
            }
            whole = product(whole, part.exact);
        }
        return new Node(whole, best);
    }

    private Node repeated() {
        Node n = atom();
        if (at >= re.length()) {
            return n;
        }
        char c = re.charAt(at);
        int min;
        if (c == '*' || c == '?') {
            at++;
            min = 0;
        } else if (c == '+') {
            at++;
            min = 1;
        } else if (c == '{' && re.indexOf('}', at) > at) {
            int close = re.indexOf('}', at);
            String body = re.substring(at + 1, close);
            if (!body.matches("\\d+(,\\d*)?")) {
                return n; // a literal brace, as RE2 reads one that is no repetition
            }
            at = close + 1;
            min = Integer.parseInt(body.split(",")[0]);
        } else {
            return n;
        }
        if (at < re.length() && re.charAt(at) == '?') {
            at++; // lazy: the same strings
        }
        return min == 0 ? Node.NOTHING_KNOWN : new Node(null, n.best());
    }

    private Node atom() {
        char c = re.charAt(at);
        switch (c) {
            case '(':
                return group();
            case '[':
                return literals(charClass());
            case '\\':
                return escape();
            case '.':
                at++;
                return Node.NOTHING_KNOWN;
            case '^':
            case '$':
                at++;
                return new Node(EMPTY_WIDTH, null);
            case '*':
            case '+':
            case '?':
            case ')':
                throw new Unknown();
            default:
                at++;
                if (Character.isSurrogate(c)) {
                    throw new Unknown();
                }
                return literals(Set.of(String.valueOf(c)));
        }
    }

    private Node group() {
        at++;
        if (re.startsWith("?:", at)) {
            at += 2;
        } else if (re.startsWith("?P<", at) || re.startsWith("?<", at)) {
            int close = re.indexOf('>', at);
            if (close < 0) {
                throw new Unknown();
            }
            at = close + 1;
        } else if (at < re.length() && re.charAt(at) == '?') {
            throw new Unknown(); // flags such as (?i) change what a literal matches
        }
        Node inner = alternation();
        if (at >= re.length() || re.charAt(at) != ')') {
            throw new Unknown();
        }
        at++;
        return inner;
    }

    private Node escape() {
        if (at + 1 >= re.length()) {
            throw new Unknown();
        }
        char e = re.charAt(at + 1);
        at += 2;
        switch (e) {
            case 'd':
                return literals(digits());
            case 'b':
            case 'B':
            case 'A':
            case 'z':
                return new Node(EMPTY_WIDTH, null);
            case 's':
            case 'S':
            case 'w':
            case 'W':
            case 'D':
                return Node.NOTHING_KNOWN;
            case 'n':
                return literals(Set.of("\n"));
            case 't':
                return literals(Set.of("\t"));
            default:
                if (Character.isLetterOrDigit(e)) {
                    throw new Unknown(); // \p, \x, \Q, \C, back-references: not read here
                }
                return literals(Set.of(String.valueOf(e)));
        }
    }

    /** The characters of a class, or null when negated or larger than {@link #MAX_SET}. */
    private Set<String> charClass() {
        at++;
        boolean negated = at < re.length() && re.charAt(at) == '^';
        if (negated) {
            at++;
        }
        Set<String> members = new LinkedHashSet<>();
        boolean first = true;
        while (at < re.length() && (re.charAt(at) != ']' || first)) {
            first = false;
            char c = re.charAt(at);
            if (c == '[') {
                throw new Unknown(); // [[:alpha:]] and the like
            }
            if (c == '\\') {
                if (at + 1 >= re.length()) {
                    throw new Unknown();
                }
                char e = re.charAt(at + 1);
                at += 2;
                if (e == 'd') {
                    members.addAll(digits());
                } else if (e == 's' || e == 'w' || e == 'S' || e == 'W' || e == 'D') {
                    members = null;
                    skipClassRest();
                    return null;
                } else if (e == 'n' || e == 't') {
                    members.add(e == 'n' ? "\n" : "\t");
                } else if (Character.isLetterOrDigit(e)) {
                    throw new Unknown();
                } else {
                    members.add(String.valueOf(e));
                }
                if (at + 1 < re.length() && re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
                    throw new Unknown(); // a range from an escaped character
                }
                continue;
            }
            at++;
            if (at + 1 < re.length() && re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
                char to = re.charAt(at + 1);
                if (to == '\\' || to == '[') {
                    throw new Unknown();
                }
                at += 2;
                if (to - c + 1 > MAX_SET) {
                    skipClassRest();
                    return null;
                }
                for (char x = c; x <= to; x++) {
                    members.add(String.valueOf(x));
                }
            } else {
                members.add(String.valueOf(c));
            }
            if (Character.isSurrogate(c)) {
                throw new Unknown();
            }
        }
        if (at >= re.length()) {
            throw new Unknown();
        }
        at++;
        return negated || members.size() > MAX_SET ? null : members;
    }

    private void skipClassRest() {
        while (at < re.length() && re.charAt(at) != ']') {
            at += re.charAt(at) == '\\' ? 2 : 1;
        }
        if (at >= re.length()) {
            throw new Unknown();
        }
        at++;
    }

    private static Node literals(Set<String> set) {
        return set == null ? Node.NOTHING_KNOWN : new Node(set, null);
    }

    private static Set<String> digits() {
        Set<String> d = new LinkedHashSet<>();
        for (char c = '0'; c <= '9'; c++) {
            d.add(String.valueOf(c));
        }
        return d;
    }

    private static Set<String> union(Set<String> a, Set<String> b, int max) {
        if (a == null || b == null || a.size() + b.size() > max) {
            return null;
        }
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Set<String> product(Set<String> a, Set<String> b) {
        if (a == null || b == null || (long) a.size() * b.size() > MAX_SET) {
            return null;
        }
        Set<String> p = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                p.add(x + y);
            }
        }
        return p;
    }

    /** The more selective of two requirements: the longer shortest literal, then the fewer literals. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (b == null || b.contains("")) {
            return a;
        }
        if (a == null || a.contains("")) {
            return b;
        }
        int la = a.stream().mapToInt(String::length).min().orElse(0);
        int lb = b.stream().mapToInt(String::length).min().orElse(0);
        return lb > la || lb == la && b.size() < a.size() ? b : a;
    }
}
