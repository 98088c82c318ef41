package dev.opsuite.executor.domain;

import dev.opsuite.model.PlanModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "11월 20일 캐시 충전 결제 실패 장애 전에 바뀐 것": an incident is often named by the words of its title, not
 * by its CI — the words then fit other CIs' names partly ("캐시" of 캐시 상점) or several ("패치"). When the
 * incidents over the plan's range include one whose title holds enough of the question's words (at
 * least {@link #MIN_SHARED} of its words, and at least {@link #MIN_SHARE} of them) and no other holds as
 * many, that incident is the anchor: its CI becomes the plan's, the range ends just after it, and the
 * answer says so (adjustment {@code titled:<title>}). The CI the words named keeps its own incident when
 * it had one. The Query asset's {@code needs: anchor_titles} template lists the incidents.
 */
final class AnchorTitles {
    static final String NEEDS = dev.opsuite.model.asset.QueryBinding.When.ANCHOR_TITLES;
    static final int MIN_SHARED = 2;
    static final double MIN_SHARE = 0.4;

    private AnchorTitles() {}

    static boolean applies(PlanModel plan) {
        return plan.history().enabled() && !plan.history().anchor().isEmpty() && plan.history().eventRef().isEmpty()
                && !plan.history().timeFrom().isEmpty() && !plan.normalizedQuestion().isEmpty()
                && plan.adjustments().stream().noneMatch(a -> a.startsWith("narrowed:")) // its CI had one
                && (!plan.primary().ciCode().isEmpty() || plan.missingSlots().equals(List.of("primary.ci")));
    }

    /** The plan anchored on the incident whose title the question's words name, or the plan as it was. */
    static PlanModel anchor(PlanModel plan, ToolOutput out) {
        int code = out.columnIndex("ci_code");
        int name = out.columnIndex("ci_name");
        int ts = out.columnIndex("anchor_ts");
        int title = out.columnIndex("title");
        if (out.failed() || out.rows().isEmpty() || code < 0 || ts < 0 || title < 0) {
            return plan;
        }
        String own = plan.primary().ciCode();
        if (!own.isEmpty() && out.rows().stream().anyMatch(r -> own.equals(String.valueOf(r.get(code))))) {
            return plan; // the CI named had an incident of its own over the range
        }
        Set<String> asked = words(plan.normalizedQuestion());
        List<Object> best = null;
        int bestShared = 0;
        boolean tie = false;
        for (List<Object> r : out.rows()) {
            Set<String> t = words(String.valueOf(r.get(title)));
            int shared = (int) t.stream().filter(w -> asked.stream().anyMatch(a -> a.equals(w) || a.startsWith(w)
                    && w.length() >= 2 && !isAscii(w))).count();
            if (shared < MIN_SHARED || shared < MIN_SHARE * t.size()) {
                continue;
            }
            if (shared > bestShared) {
                best = r;
                bestShared = shared;
                tie = false;
            } else if (shared == bestShared) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return plan;
        }
        PlanModel.Primary p = plan.primary();
        String ciCode = String.valueOf(best.get(code));
        PlanModel.Primary chosen = new PlanModel.Primary(p.entity(), ciCode, p.mentions(), p.filters(), p.keywords(),
                p.limit(), p.offset(), p.ciCodes(), p.fields(), name < 0 ? ciCode : String.valueOf(best.get(name)));
        PlanModel.History h = plan.history();
        // the range ends just after the incident, so it is the last one of its CI the answer anchors on
        String until = java.time.OffsetDateTime.parse(String.valueOf(best.get(ts))).plusSeconds(1).toString();
        PlanModel.History anchored = new PlanModel.History(h.enabled(), h.eventTypes(), h.severities(), h.timeRange(),
                h.timeFrom(), until, h.limit(), h.timeStated(), h.anchor(), h.windowHours(), h.eventRef());
        PlanModel p2 = plan.with(plan.view(), chosen, plan.secondary(), plan.graph(), plan.metric(), anchored)
                .withSlots(chosen, plan.secondary(), List.of(), List.of());
        // the words the title holds are understood now: they named the incident
        Set<String> named = words(String.valueOf(best.get(title)));
        List<String> left = p2.unexplained().stream().filter(w -> words(w).stream().noneMatch(x -> named.stream()
                .anyMatch(t -> x.equals(t) || x.startsWith(t) && t.length() >= 2 && !isAscii(t)))).toList();
        return new PlanModel(p2.intent(), p2.view(), p2.primary(), p2.secondary(), p2.graph(), p2.metric(), p2.history(),
                p2.output(), p2.language(), p2.missingSlots(), p2.candidates(), p2.normalizedQuestion(), left,
                p2.understanding(), p2.adjustments(), p2.documents()).withAdjustment("titled:" + best.get(title));
    }

    /** The words of a text, lower case; letters and digits apart ("시즌7" → 시즌, 7); numbers alone are no words. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})")) {
            if (w.length() >= 2 && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isAscii(String w) {
        return w.chars().allMatch(c -> c < 128);
    }

}
