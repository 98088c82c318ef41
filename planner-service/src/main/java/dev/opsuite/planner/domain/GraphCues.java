package dev.opsuite.planner.domain;

import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.planner.domain.understand.Claim;
import dev.opsuite.planner.domain.understand.Clauses;
import dev.opsuite.planner.domain.understand.LinkedEntity;
import dev.opsuite.planner.domain.understand.Signals;
import dev.opsuite.planner.domain.understand.Understanding;
import java.util.List;
import java.util.Optional;

/**
 * What the question's wording says about direction in the dependency graph: whether the CI named is
 * the one depended on or the one depending, which layer a type sits on, "which host runs X", "what
 * runs on X", "X calls" — read from the claims, the particles and the Prompt asset's type layers.
 */
final class GraphCues {
    private final PromptRules rules;
    private final Signals s;
    private final Understanding u;

    GraphCues(PromptRules promptRules, Signals signals) {
        this.rules = promptRules;
        this.s = signals;
        this.u = signals.understanding();
    }

    /**
     * A dependency verb whose object is the CI means what depends on it: "everything that relies on
     * X", "X에 (직간접적으로) 의존하는" — by word order in English, by X's particle (에) in Korean.
     * "what does X rely on", "X는 뭐에 의존해" stay dependencies.
     */
    boolean dependentsOf(LinkedEntity e) {
        Optional<Claim> dep = s.intentClaim("dependency");
        if (e == null || dep.isEmpty() || weakDependencyAside()) {
            return false; // "Need average CPU of the HDB …": the asker's need of a measure
        }
        if ("ko".equals(u.language())) {
            return e.particle().startsWith("에") && !e.particle().startsWith("에서");
        }
        String words = dep.get().text();
        boolean verb = words.endsWith(" on") || words.equals("needs") || words.equals("requires") || words.equals("need");
        int end = dep.get().span().end();
        if (!verb && DEPEND_VERB.matcher(words).matches() && e.span().start() > end) {
            // "depend, directly or indirectly, on X", "rely heavily on X": the verb's 'on' after a few adverbs
            verb = ON_BEFORE_OBJECT.matcher(u.analyzed().text().substring(end, e.span().start())).matches();
        }
        return verb && e.span().start() > end;
    }

    private static final java.util.regex.Pattern DEPEND_VERB =
            java.util.regex.Pattern.compile("(?i)depends?|depending|relies|rely|relying");
    private static final java.util.regex.Pattern ON_BEFORE_OBJECT =
            java.util.regex.Pattern.compile("(?i)[\\s,]*(?:[a-z]+[\\s,]+){1,4}on\\s+(?:the\\s+)?");

    /** "상태 페이지는 뭐에 의존하고 있어": the CI is the subject (은/는/이/가), so it is what it depends on. */
    boolean subjectDepends(LinkedEntity e) {
        if (e == null || !"ko".equals(u.language())) {
            return false;
        }
        String p = e.particle();
        boolean subject = p.equals("은") || p.equals("는") || p.equals("이") || p.equals("가");
        return subject && u.of("intent").stream().anyMatch(c -> (c.value().equals("impact") || c.value().equals("dependency"))
                && c.text().contains("의존"));
    }

    /**
     * "I need the figure for the risk note": "need" beside a metric is the asker's need, not X's
     * dependencies; only a dependency word other than the Prompt asset's weak ones makes it a graph question.
     */
    /**
     * A weak dependency word that is the asker's, not the CI's: beside a measure ("I need the CPU of …"), beside
     * a field asked ("who owns CAP Feed? need to ping them"), or only in a remark outside the asking clause.
     */
    boolean weakDependencyAside() {
        if (!weakDependencyCue() || u.of("intent").stream().noneMatch(c -> c.value().equals("dependency"))) {
            return false; // no weak word at all ("상태 페이지는 뭐에 의존하고 있어": 의존 is read as a subject's)
        }
        String text = u.analyzed().text();
        int asking = Clauses.last(text);
        return s.metric().isPresent() || !u.of("field").isEmpty() || u.of("intent").stream()
                .filter(c -> c.value().equals("dependency"))
                .noneMatch(c -> Clauses.of(text, c.span().start()) == asking);
    }

    boolean weakDependencyCue() {
        List<String> weak = rules.weakDependencyWords();
        return u.of("intent").stream().filter(c -> c.value().equals("dependency"))
                .allMatch(c -> weak.contains(c.text().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * "Patients keep calling the front desk. What is the portal's error rate?": a graph word in another
     * sentence than the CI does not turn a metric question into a graph one.
     */
    private static final java.util.regex.Pattern CALLING_RELATIVE = java.util.regex.Pattern.compile(
            "^\\s*(?:(?:직접|바로|주로)\\s*)?(?:부르는|호출하는|콜하는)\\s*(?:애|것|거|놈|서비스|앱|시스템|쪽|ci|CI)");

    private static final java.util.regex.Pattern DETERMINER_BEFORE = java.util.regex.Pattern.compile(
            "(?i)(?<!\\b(?:does|do|did|will|would|can|could|should)\\s)\\b(?:the|a|an|this|that|our|my|your|their|every)"
                    + "\\s+(?:[a-z0-9-]+\\s+){0,2}$");

    /**
     * "For the weekly revenue call: …", "on a call with X": "call" after a determiner is a meeting, not one CI calling
     * another ("what does the cart call" still asks its calls).
     */
    boolean aNounCall(Claim c) {
        return c.text().equalsIgnoreCase("call")
                && DETERMINER_BEFORE.matcher(u.analyzed().text().substring(0, c.span().start())).find();
    }

    boolean sameSentence(dev.opsuite.planner.domain.understand.Span x, dev.opsuite.planner.domain.understand.Span y) {
        String text = u.analyzed().text();
        int from = Math.min(x.end(), y.end());
        int to = Math.max(x.start(), y.start());
        return from >= to || !text.substring(from, to).matches("(?s).*[.?!。？！]\\s.*");
    }

    /**
     * "메모리를 더 많이 쓰는 게 어느 쪽", "which one uses the most memory": a use verb whose object is a
     * measure — a metric word within a few words of it (before it in Korean, where the object comes
     * first), no CI or type word between — is consumption, not a call; "label-printer가 쓰는 DB의 메모리"
     * still asks for what label-printer uses.
     */
    boolean measureIsObjectOf(Claim verb) {
        String text = u.analyzed().text();
        for (Claim m : u.of("metric")) {
            if ("ko".equals(u.language()) && m.span().end() > verb.span().start()) {
                continue;
            }
            int from = Math.min(m.span().end(), verb.span().end());
            int to = Math.max(m.span().start(), verb.span().start());
            boolean near = from >= to || to - from <= 12 && !text.substring(from, to).matches("(?s).*[.?!,。？！].*");
            boolean between = u.entities().stream().anyMatch(e -> e.span().start() >= from && e.span().end() <= to)
                    || u.of("enum").stream().anyMatch(c -> c.value().contains(".ci_type=") && c.span().start() >= from
                    && c.span().end() <= to);
            if (near && !between) {
                return true;
            }
        }
        return false;
    }

    /** The CI's type layer (rules.type_layers), -1 when its type has none. */
    int layer(LinkedEntity e) {
        return rules.layer(e.entity().ciType()).orElse(-1);
    }

    /** Type words are asked and every one of them sits above the CI's own layer. */
    boolean askedTypesAbove(LinkedEntity e) {
        int own = layer(e);
        List<Claim> types = u.of("enum").stream().filter(c -> c.value().contains(".ci_type=") && !negated(c)).toList();
        return own >= 0 && !types.isEmpty() && types.stream().allMatch(c -> {
            Optional<Integer> l = rules.layer(typeOf(c));
            return l.isPresent() && l.get() > own;
        });
    }

    private static final java.util.regex.Pattern DO_BEFORE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:does|do|did|will|would|can|could|should)\\s+(?:the\\s+)?$");

    /**
     * "which services does relay-api call", "relay-api가 호출하는 서비스": the CI is the subject of the calling verb
     * after it (a do-word right before it; in Korean a subject or topic particle on it), so the types asked are what
     * it calls, whatever their layer — not what stands above it.
     */
    boolean subjectCalls(LinkedEntity e, Claim calls) {
        if (e.span().start() > calls.span().start()) {
            return false;
        }
        if ("ko".equals(u.language())) {
            return java.util.Set.of("이", "가", "은", "는").contains(e.particle());
        }
        return DO_BEFORE.matcher(u.analyzed().text().substring(0, e.span().start())).find();
    }

    /**
     * A node: a machine something runs on, of whatever type (a k8s worker, a VM, a server) — a closed word of the trade,
     * so no Prompt list; right after a which-word only (see {@link #whichHostOf}).
     */
    private static final java.util.regex.Pattern HOST_NOUN = java.util.regex.Pattern.compile(
            "\\s*(?:nodes?|노드)(?![a-z0-9_-])", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * "which <type> is X on", "X는 어느 <type>에 있어": a which-word, a type word right after it, and a CI. Or a word that
     * names a host of no one type ({@link #HOST_NOUN}: "which node is X on", "X 어느노드에 있음"): only right after a
     * which-word, read from the text, so "node" stays a word of names elsewhere ("lobby node (Japan)").
     */
    boolean whichHostOf(LinkedEntity e) {
        if (e == null) {
            return false;
        }
        for (Claim which : s.understanding().of("intent")) {
            if (!which.value().equals("which")) {
                continue;
            }
            if (!"server".equals(e.entity().ciType())
                    && HOST_NOUN.matcher(u.analyzed().text().substring(which.span().end())).lookingAt()) {
                return true;
            }
            for (Claim type : s.understanding().of("enum")) {
                if (type.value().contains(".ci_type=") && type.span().start() > which.span().end()
                        && u.analyzed().text().substring(which.span().end(), type.span().start()).isBlank()
                        && !type.value().endsWith("=" + e.entity().ciType()) && mayHost(type, e)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A CI of the type word's type may host {@code e}: its layer is below e's ("which services use X" names none). */
    private boolean mayHost(Claim type, LinkedEntity e) {
        Optional<Integer> asked = rules.layer(typeOf(type));
        Optional<Integer> own = rules.layer(e.entity().ciType());
        return asked.isEmpty() || own.isEmpty() || asked.get() < own.get();
    }

    /** The CI type of a type word's claim ("ci.ci_type=vm": vm). */
    private static String typeOf(Claim type) {
        return type.value().substring(type.value().indexOf(".ci_type=") + ".ci_type=".length());
    }

    /**
     * A single named CI and type words that are not its type: "out" when every asked type sits below
     * it in rules.type_layers among the hosting layers (its hosts), "in" when every one sits above
     * (what runs on it), "dependents" when every one sits above a CI that hosts nothing (a database, an
     * app: what depends on it, any relation), "same" at its own layer or below it but above the hosting layers (what it
     * depends on or reaches); empty when the layers are unknown or mixed.
     */
    Optional<String> typedRelative(LinkedEntity e, int entities) {
        if (e == null || entities != 1 || e.entity().ciType().isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> own = rules.layer(e.entity().ciType());
        java.util.Set<String> dirs = new java.util.HashSet<>();
        for (Claim type : u.of("enum")) {
            int at = type.value().indexOf(".ci_type=");
            if (at < 0) {
                continue;
            }
            Optional<Integer> asked = rules.layer(type.value().substring(at + ".ci_type=".length()));
            if (own.isEmpty() || asked.isEmpty()) {
                return Optional.empty();
            }
            // below it but not hosting ("apps behind the load balancer"): what it reaches, any relation;
            // above a CI that hosts nothing ("which services use the account db"): what depends on it
            int hosting = rules.hostingLayersBelow();
            int a = asked.get();
            int o = own.get();
            dirs.add(a > o ? (o >= hosting ? "dependents" : "in") : a == o ? "same" : a >= hosting ? "same" : "out");
        }
        return dirs.size() == 1 && !(dirs.contains("same") && u.of("enum").stream().anyMatch(c -> c.value()
                .endsWith(".ci_type=" + e.entity().ciType()))) ? Optional.of(dirs.iterator().next()) : Optional.empty();
    }

    boolean negated(Claim c) {
        return u.negated(c);
    }

    /** "A → B": an arrow between two CIs of one clause (a ticket's "… 안 나옵니다 → Crew Roster …" joins two clauses). */
    boolean arrowBetween(LinkedEntity a, LinkedEntity b) {
        String text = u.analyzed().text();
        if (Clauses.of(text, a.span().start())
                != Clauses.of(text, b.span().start())) {
            return false;
        }
        String between = text.substring(Math.min(a.span().end(), b.span().start()), b.span().start());
        return between.contains("→") || between.contains("->") || between.contains("=>") || between.contains("⇒")
                || between.contains("~>");
    }

    /**
     * "the dependency chain between A and B", "A와 B 사이의 의존 관계": what links the two, not what A needs
     * ("between A and B, which has more CPU" names a metric: a comparison, decided before this is asked).
     */
    boolean betweenTwo(LinkedEntity a, LinkedEntity b) {
        String text = u.analyzed().text();
        int from = Math.max(0, Math.min(a.span().start(), b.span().start()) - 12);
        String around = " " + text.substring(from, Math.min(text.length(), Math.max(a.span().end(), b.span().end()) + 6)) + " ";
        return around.contains(" between ") || around.contains("사이");
    }


    /**
     * "(a sentence about A and B), C에서 D까지 어떤 경로로 이어지나요", "… the path from C to D": with more than two
     * CIs named, the ends of a path are the one marked as its start (에서/부터, "from") and the one marked as its
     * end (까지/로, "to"); the others come after them and are not used (the reading lists them). Unmarked,
     * the order is the question's.
     */
    private static final java.util.regex.Pattern PATH_FROM = java.util.regex.Pattern.compile(" from (the )?$");
    private static final java.util.regex.Pattern PATH_TO = java.util.regex.Pattern.compile(" (to|until) (the )?$");

    /**
     * "trace: Hold -> ? -> EDI Message Store": of more than two names and no word saying which ends, the two
     * named most surely (an exact name before a guess one edit off "trace") are the ends, in their order.
     */
    private static List<LinkedEntity> surestTwoFirst(List<LinkedEntity> ents) {
        List<LinkedEntity> ranked = new java.util.ArrayList<>(ents);
        ranked.sort((x, y) -> Double.compare(y.score(), x.score()));
        if (ranked.get(1).score() == ranked.get(2).score()) {
            return ents; // no two stand out: as named
        }
        List<LinkedEntity> out = new java.util.ArrayList<>(ents.stream().filter(e -> ranked.indexOf(e) < 2).toList());
        ents.stream().filter(e -> !out.contains(e)).forEach(out::add);
        return out;
    }

    List<LinkedEntity> pathEnds(List<LinkedEntity> ents) {
        if (ents.size() <= 2) {
            return ents;
        }
        String text = u.analyzed().text();
        LinkedEntity from = null;
        LinkedEntity to = null;
        for (LinkedEntity e : ents) {
            String before = " " + text.substring(Math.max(0, e.span().start() - 12), e.span().start());
            String p = e.particle();
            if (from == null && (p.startsWith("에서") || p.startsWith("부터") || PATH_FROM.matcher(before).find())) {
                from = e;
            } else if (from != null && to == null && !e.candidates().equals(from.candidates())
                    && (p.startsWith("까지") || PATH_TO.matcher(before).find())) {
                to = e;
            }
        }
        if (from == null || to == null) {
            return surestTwoFirst(ents);
        }
        List<LinkedEntity> out = new java.util.ArrayList<>(List.of(from, to));
        ents.stream().filter(e -> !out.contains(e)).forEach(out::add);
        return out;
    }

    /**
     * "what runs on X" (X hosts the answer) or "where does X run" (X runs on the answer): Korean
     * by the particle after X (에서/에: X is the place), English by word order and voice.
     */
    boolean hostedOn(LinkedEntity e, Claim phrase) {
        // the types' hosting layers decide first: nothing hosts a server, nothing runs on an app
        Optional<Integer> layer = rules.layer(e.entity().ciType());
        if (layer.isPresent() && layer.get() == 0) {
            return true;
        }
        if (layer.isPresent() && layer.get() >= rules.hostingLayersBelow()) {
            return false;
        }
        String words = phrase.text();
        if ("ko".equals(u.language())) {
            String after = u.analyzed().text().substring(e.span().end()).stripLeading();
            return e.particle().startsWith("에") || after.startsWith("위")
                    || e.particle().isEmpty() && phrase.span().start() > e.span().start() && after.startsWith(words);
        }
        boolean entityFirst = e.span().start() < phrase.span().start();
        if (words.contains("inside")) {
            return true; // "X: whatever runs inside it / them"
        }
        if (words.startsWith("host") && !words.startsWith("hosted")) {
            return entityFirst; // "X hosts …" / "what hosts X"
        }
        return !entityFirst;
    }

    /**
     * "what calls X" / "X를 호출하는" / "X에 붙는" (callers: the object, or the place others attach to) or
     * "what does X call" / "X가 호출하는" / "X에서 부르는" (callees).
     */
    boolean calledBy(LinkedEntity e) {
        if ("ko".equals(u.language())) {
            // "송장 출력 직접 부르는 애들": a name with no particle before a relative clause of calling is its object
            return java.util.Set.of("을", "를", "에", "에게", "한테").contains(e.particle()) || e.particle().isEmpty()
                    && CALLING_RELATIVE.matcher(u.analyzed().text().substring(e.span().end())).find();
        }
        // "backends" names the callees whatever the word order ("the backends of X", "which backends
        // does X point to"); the verb, when there is one, decides
        Claim phrase = u.of("intent").stream()
                .filter(c -> c.value().equals("calls") && !c.text().toLowerCase(java.util.Locale.ROOT).startsWith("backend"))
                .findFirst().orElse(null);
        if (phrase == null) {
            return false;
        }
        if (phrase.text().startsWith("caller")) {
            return true; // "the callers of X"
        }
        if (phrase.text().startsWith("callee")) {
            return false;
        }
        boolean after = e.span().start() > phrase.span().start();
        // "the direct calls (depth 1) of X", "calls of X": the noun names the calls X makes
        String rest = u.analyzed().text().substring(phrase.span().end()).replaceFirst("^\\s*\\([^)]*\\)", "").stripLeading();
        if (after && phrase.text().toLowerCase(java.util.Locale.ROOT).equals("calls") && rest.startsWith("of ")) {
            return false;
        }
        boolean passive = phrase.text().startsWith("called by");
        return after != passive;
    }
}
