package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.asset.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COMPOSE: the Mapping asset turns tool results into blocks. Text comes from the rule's template
 * in the question's language (its count or per-field variant when the plan asks for a count or
 * for fields), filled from the plan and the rows; tables list the rule's columns. A range the
 * control loop widened is stated before the answer, and the answer ends with the line saying how
 * the question was read. No placeholder ever reaches the text.
 */
public final class AnswerComposer {
    public record Composed(List<Block> blocks, String answer, List<String> warnings) {
        public boolean lowEvidence() {
            return warnings.stream().anyMatch(w -> w.startsWith("low_evidence"));
        }
    }

    private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile("\\{([a-z_]+)}");

    public Composed compose(PlanModel plan, List<ToolOutput> outputs, AssetBundle assets) {
        return compose(plan, outputs, assets, false);
    }

    /** canned: the rows are mode mock's fixtures, whose times say nothing about the data's age. */
    public Composed compose(PlanModel plan, List<ToolOutput> outputs, AssetBundle assets, boolean canned) {
        MappingAsset mapping = assets.mapping();
        String lang = plan.language().isEmpty() ? "en" : plan.language();
        int decimals = mapping.decimals();
        List<Block> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> planVars = ComposeVars.ofPlan(plan, mapping, assets.schema(), lang, decimals);
        String root = rootLabel(outputs, plan.primary().ciCode());
        if (root != null) {
            planVars.put("root", root);
        }
        String secondary = rootLabel(outputs, plan.secondary().ciCode());
        if (secondary != null) {
            planVars.put("secondary", secondary);
        }
        MappingAsset.Messages messages = mapping.messages();
        Staleness staleness = canned ? Staleness.NONE : Staleness.of(plan, mapping);
        java.time.ZoneOffset zone = ComposeVars.offsetOf(plan);
        List<Block> failed = new ArrayList<>(); // stated first: what could not be answered, and why
        if (!plan.missingSlots().isEmpty()) {
            ToolOutput lookup = outputs.stream().filter(o -> "ci_resolver".equals(o.tool()) && o.failed()).findFirst()
                    .orElse(null);
            if (lookup != null) { // the names were never looked up: not "no CI matches"
                failed.add(ToolFailures.resolve(lookup, messages, planVars, lang));
                return finish(plan, outputs, mapping, planVars, lang, failed, warnings);
            }
            blocks.add(Block.text(Templates.stripUnfilled(slotMessage(plan, messages, planVars, lang))));
            return finish(plan, outputs, mapping, planVars, lang, blocks, warnings);
        }
        for (ToolOutput out : outputs) {
            if ("ci_resolver".equals(out.tool())) {
                continue;
            }
            MappingAsset.Rule rule = mapping.rule(out.queryName()).orElse(null);
            if (out.failed()) {
                failed.add(ToolFailures.of(out, rule, messages, planVars, lang));
                continue;
            }
            if (rule == null) {
                warnings.add("no mapping rule for " + out.queryName() + "; shown as a table");
                blocks.add(table(out, null, lang, decimals, plan.primary().offset(), zone));
                continue;
            }
            Map<String, String> vars = new HashMap<>(planVars);
            ComposeVars.addRows(vars, out, rule, messages, lang, decimals, zone, staleness);
            for (MappingAsset.BlockRule b : rule.blocks()) {
                if (!holds(out, b.requires())) {
                    continue; // "first over it at …" only when a sample was over it
                }
                switch (b.type()) {
                    case "text", "markdown" -> blocks.add(new Block(b.type(), b.title().in(lang),
                            text(plan, out, b, vars, lang, warnings), Map.of()));
                    case "table" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(table(out, b, lang, decimals, plan.primary().offset(), zone));
                        }
                    }
                    case "chart" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(Charts.timeSeries(out, b, vars.get("metric_label"), vars.get("unit"), decimals,
                                    lang));
                        }
                    }
                    case "timeline" -> {
                        if (!out.rows().isEmpty() && out.columnIndex(b.x()) >= 0) {
                            blocks.add(Charts.timeline(out, b, b.title().in(lang)));
                        }
                    }
                    case "network" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(Charts.network(out, plan.primary().ciCode(), vars.get("root")));
                        }
                    }
                    case "passages" -> blocks.add(Passages.of(out, b, messages, lang));
                    default -> warnings.add("block type " + b.type() + " is not supported");
                }
            }
            scopeNote(out, messages, lang, blocks);
            Coverage.note(plan, out, messages, lang, zone, vars).ifPresent(n -> appendToLastText(blocks, n));
        }
        if (blocks.isEmpty() && failed.isEmpty()) {
            blocks.add(Block.text(Templates.stripUnfilled(Templates.fill(messages.noPlan().in(lang),
                    planVars))));
        }
        blocks.addAll(0, failed);
        return finish(plan, outputs, mapping, planVars, lang, blocks, warnings);
    }

    /** Whether the first row has a value in each column a block requires (none required: always). */
    private static boolean holds(ToolOutput out, List<String> requires) {
        for (String c : requires) {
            int i = out.columnIndex(c);
            if (out.rows().isEmpty() || i < 0 || out.rows().get(0).get(i) == null) {
                return false;
            }
        }
        return true;
    }

    /** The block's template: count or per-field variants when the plan asks; empty text when no rows. */
    private static String text(PlanModel plan, ToolOutput out, MappingAsset.BlockRule b, Map<String, String> vars,
                               String lang, List<String> warnings) {
        String template;
        if (plan.output().count() && b.countTemplate().isPresent()) {
            template = b.countTemplate().get().in(lang); // "0 CIs match" is a count too
        } else if (out.rows().isEmpty() && b.empty().isPresent()) {
            template = b.empty().get().in(lang);
        } else if (vars.containsKey("age") && b.staleTemplate().isPresent()) {
            template = b.staleTemplate().get().in(lang); // the sample is old: not "current"
        } else if (b.aggTemplates().containsKey(plan.metric().agg())) {
            template = b.aggTemplates().get(plan.metric().agg()).in(lang);
        } else if (!plan.primary().fields().isEmpty() && !b.fieldTemplates().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String f : plan.primary().fields()) {
                String t = b.fieldTemplates().getOrDefault(f, Text.EMPTY).in(lang);
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
            template = parts.isEmpty() ? b.template().in(lang) : String.join(" ", parts);
        } else {
            template = b.template().in(lang);
        }
        String text = Templates.fill(template, vars);
        java.util.regex.Matcher gap = UNFILLED.matcher(text);
        if (gap.find()) {
            // the template asks for a value the results do not hold: say so in the trace, never show the gap
            warnings.add("low_evidence: " + out.queryName() + " has no value for {" + gap.group(1) + "}");
        }
        return Templates.stripUnfilled(text);
    }

    /**
     * A scoped caller is told what its scope left out, never what it was: how many CIs a graph
     * expansion stopped at, or that an empty result was searched within the scope only.
     */
    private static void scopeNote(ToolOutput out, MappingAsset.Messages messages, String lang, List<Block> blocks) {
        if (!Boolean.TRUE.equals(out.meta().get("scoped"))) {
            return;
        }
        int outside = out.meta().get("outside_scope") instanceof Number n ? n.intValue() : 0;
        String note;
        if (outside > 0) {
            note = Templates.fill(messages.outsideScope().in(lang), Map.of("n", String.valueOf(outside)));
            note = note.isEmpty() ? Templates.fill(MappingAsset.Messages.DEFAULT_OUTSIDE_SCOPE,
                    Map.of("n", String.valueOf(outside))) : note;
        } else if (out.rows().isEmpty()) {
            note = messages.scopedEmpty().in(lang);
            note = note.isEmpty() ? MappingAsset.Messages.DEFAULT_SCOPED_EMPTY : note;
        } else {
            return;
        }
        appendToLastText(blocks, note);
    }

    /** A note said after the last text of the answer (a text block of its own when there is none). */
    private static void appendToLastText(List<Block> blocks, String note) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            if (b.type().equals("text") || b.type().equals("markdown")) {
                blocks.set(i, new Block(b.type(), b.title(), (b.content() + " " + note).strip(), b.data()));
                return;
            }
        }
        blocks.add(Block.text(note));
    }

    /** The widened range stated first; the reading line last. */
    private static Composed finish(PlanModel plan, List<ToolOutput> outputs, MappingAsset mapping,
                                   Map<String, String> planVars, String lang,
                                   List<Block> blocks, List<String> warnings) {
        String note = adjustments(plan, mapping, planVars, lang, outputs);
        if (!note.isEmpty()) {
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.type().equals("text")) {
                    blocks.set(i, new Block(b.type(), b.title(), note + " " + b.content(), b.data()));
                    break;
                }
            }
        }
        // the leading text says first what could not be answered, then what was
        List<String> lead = new ArrayList<>(blocks.stream().filter(b -> b.type().equals(ToolFailures.WARNING))
                .map(Block::content).toList());
        blocks.stream().filter(b -> b.type().equals("text")).map(Block::content).findFirst().ifPresent(lead::add);
        String answer = lead.isEmpty() ? blocks.get(0).content() : String.join(" ", lead);
        String reading = Readings.render(plan, mapping, planVars, lang);
        if (!reading.isEmpty()) {
            blocks.add(new Block("text", "reading", reading, Map.of()));
        }
        return new Composed(blocks, answer, warnings);
    }

    private static String adjustments(PlanModel plan, MappingAsset mapping, Map<String, String> vars, String lang,
                                      List<ToolOutput> outputs) {
        MappingAsset.Messages messages = mapping.messages();
        List<String> notes = new ArrayList<>();
        for (String a : plan.adjustments()) {
            String[] p = a.split(":");
            if (p[0].equals("widened") && p.length == 3) {
                String template = messages.widened().in(lang);
                notes.add(template.replace("{from}", TimeLabels.label(mapping, p[1], "", "", lang))
                        .replace("{to}", TimeLabels.label(mapping, p[2], "", "", lang)));
            } else if (p[0].equals("narrowed") && p.length >= 3) {
                // "narrowed:<n>:<words>": of n CIs the words fit, one had the anchor incident (the words may hold ':')
                String[] n = a.split(":", 3);
                String template = messages.narrowed().getOrDefault(plan.history().anchor(), Text.EMPTY).in(lang);
                notes.add(template.replace("{n}", n[1]).replace("{words}", n[2])
                        .replace("{root}", vars.getOrDefault("root", plan.primary().ciCode()))
                        .replace("{range}", vars.getOrDefault("time_range", "")));
            } else if (p[0].equals("titled") && p.length >= 2) {
                // "titled:<title>": the incident the question named by the words of its title (the title may hold ':')
                notes.add(messages.titled().in(lang)
                        .replace("{title}", a.substring("titled:".length()))
                        .replace("{root}", vars.getOrDefault("root", plan.primary().ciCode())));
            } else if (p[0].equals("documents_only")) {
                // "documents_only:<names>": no CI matched the names, so only the documents answer
                String names = a.substring("documents_only:".length());
                notes.add((names.isEmpty() ? messages.documentsOnlyNoCi() : messages.documentsOnly()).in(lang)
                        .replace("{names}", names));
            } else if (p[0].equals("unmatched_names")) {
                // "unmatched_names:<names>": a how-to question's names that matched no CI; said unless a document
                // found mentions them ("what does HighErrorRate mean?" names an alert the documents explain)
                List<String> unseen = java.util.Arrays.stream(a.substring("unmatched_names:".length()).split(", "))
                        .filter(n -> !n.isBlank() && !Passages.mention(outputs, n)).toList();
                if (!unseen.isEmpty()) {
                    notes.add(messages.documentsUnmatched().in(lang)
                            .replace("{names}", String.join(", ", unseen)));
                }
            } else if (p[0].equals("unjudged") && p.length == 3) {
                // "unjudged:<judged>:<found>": likely causes judged among the nearest CIs only (RootCauseAnalysis)
                notes.add(unjudgedCounts(messages.causesUnjudged().in(lang), p)
                        .replace("{root}", vars.getOrDefault("root", plan.primary().ciCode())));
            } else if (p[0].equals("unjudged_moved") && p.length == 4) {
                // "unjudged_moved:<judged>:<found>:<checked>": likely causes judged among those that moved most of the
                // nearest checked (the shipped ci_root_cause)
                notes.add(unjudgedCounts(messages.causesUnjudgedMoved().in(lang), p).replace("{checked}", p[3])
                        .replace("{root}", vars.getOrDefault("root", plan.primary().ciCode())));
            } else if (p[0].equals("causes_under_threshold")) {
                // likely causes named only on weaker evidence (RootCauseAnalysis.UNDER_THRESHOLD)
                notes.add(messages.causesUnderThreshold().in(lang)
                        .replace("{root}", vars.getOrDefault("root", plan.primary().ciCode())));
            } else if (p[0].equals("unjudged_cis") && p.length == 3) {
                // "unjudged_cis:<judged>:<found>": anomalies over a set judged for its first CIs only (the template's bound)
                notes.add(unjudgedCounts(messages.cisUnjudged().in(lang), p));
            } else if (p[0].equals("unapplied") && p.length == 3) {
                // "unapplied:<filters>:<templates>": filters the templates run could not apply (UnappliedFilters)
                notes.add(messages.unappliedFilter().in(lang)
                        .replace("{filters}", p[1].replace("|", ", ")).replace("{queries}", p[2].replace(",", ", ")));
            }
        }
        return Templates.stripUnfilled(String.join(" ", notes));
    }

    /** "name(code)" of a CI from the resolve step, when it ran and found it; else null. */
    private static String rootLabel(List<ToolOutput> outputs, String code) {
        for (ToolOutput o : outputs) {
            if ("ci_resolver".equals(o.tool())) {
                for (int i = 0; i < o.rows().size(); i++) {
                    Map<String, Object> r = o.row(i);
                    if (code.equals(r.get("ci_code"))) {
                        return r.get("ci_name") + "(" + code + ")";
                    }
                }
            }
        }
        return null;
    }

    private static String slotMessage(PlanModel plan, MappingAsset.Messages messages, Map<String, String> vars,
                                      String lang) {
        if (!plan.candidates().isEmpty()) {
            List<String> names = plan.candidates().stream().map(c -> c.ciName() + "(" + c.ciCode() + ")").toList();
            Map<String, String> v = new HashMap<>(vars);
            v.put("candidates", String.join(", ", names));
            return Templates.fill(messages.ambiguous().in(lang), v);
        }
        if (plan.primary().mentions().isEmpty() && plan.primary().ciCode().isEmpty()) {
            return Templates.fill(messages.missingEntity().in(lang), vars);
        }
        return Templates.fill(messages.notFound().in(lang), vars);
    }

    /** zone: the question's offset; times are shown in it (ISO with the offset), as the texts say them. */
    private static Block table(ToolOutput out, MappingAsset.BlockRule rule, String lang, int decimals, int offset,
                               java.time.ZoneOffset zone) {
        List<String> from = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (rule != null) {
            for (MappingAsset.Column c : rule.columns()) {
                int i = out.columnIndex(c.from());
                // a column the rows lack, or hold no value in (at_ts of an average), is not shown
                if (i >= 0 && (out.rows().isEmpty() || out.rows().stream().anyMatch(r -> r.get(i) != null))) {
                    from.add(c.from());
                    labels.add(c.label());
                }
            }
        }
        if (from.isEmpty()) {
            from.addAll(out.columns());
            labels.addAll(out.columns());
        }
        List<Object> rows = new ArrayList<>();
        for (List<Object> r : out.rows()) {
            List<Object> row = new ArrayList<>(from.size());
            for (String f : from) {
                Object v = r.get(out.columnIndex(f));
                row.add(v instanceof Double d ? Double.valueOf(Templates.number(d, decimals))
                        : ComposeVars.isTime(f) ? ComposeVars.inOffset(v, zone) : v);
            }
            rows.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("columns", labels);
        data.put("rows", rows);
        // a "total" column (count(*) OVER ()) tells whether rows exist past this page
        boolean truncated = out.truncated();
        long total = ComposeVars.total(out);
        if (total >= 0) {
            truncated |= total > offset + out.rows().size();
            data.put("total", total);
        }
        data.put("offset", offset);
        data.put("truncated", truncated);
        data.put("query", out.queryName());
        return new Block("table", rule == null ? "" : rule.title().in(lang), "", data);
    }

    /** An "unjudged…:<judged>:<found>…" adjustment's counts in its message: judged, found and the difference. */
    private static String unjudgedCounts(String template, String[] p) {
        return template.replace("{judged}", p[1]).replace("{found}", p[2])
                .replace("{unjudged}", Integer.toString(Integer.parseInt(p[2]) - Integer.parseInt(p[1])));
    }
}
