package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.asset.MappingAsset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code passages} block of a document search: one markdown block quoting each document's best
 * section under a numbered citation (title › section, collection/path:line, score), in rank order.
 * Without passages it says why in words: the collection holds no document yet, or none matches
 * (never an empty block).
 */
final class Passages {
    private Passages() {}

    static Block of(ToolOutput out, MappingAsset.BlockRule b, MappingAsset.Messages messages, String lang) {
        String collection = String.valueOf(out.meta().getOrDefault("collection", ""));
        if (out.rows().isEmpty()) {
            boolean none = out.meta().get("documents") instanceof Number n && n.longValue() == 0;
            String t = (none ? messages.documentsNone() : messages.documentsNoMatch()).in(lang);
            if (t.isEmpty()) {
                t = none ? "The collection '{collection}' holds no documents yet." : "No document in '{collection}' "
                        + "matches the question.";
            }
            return Block.text(Templates.fill(t, Map.of("collection", collection)));
        }
        StringBuilder md = new StringBuilder();
        List<Map<String, Object>> citations = new ArrayList<>();
        for (int i = 0; i < out.rows().size(); i++) {
            Map<String, Object> r = out.row(i);
            String title = str(r.get("title"));
            String section = str(r.get("section"));
            String path = str(r.get("path"));
            String where = (collection.isEmpty() ? "" : collection + "/") + path + ":" + str(r.get("line"));
            md.append("**[").append(i + 1).append("] ").append(title);
            if (!section.isEmpty() && !section.equals(title)) {
                String own = section.startsWith(title + " › ") ? section.substring(title.length() + 3) : section;
                md.append(" › ").append(own);
            }
            md.append("**  \n`").append(where).append("` · ").append(str(r.get("kind"))).append(" · score ")
                    .append(str(r.get("score"))).append("\n\n");
            for (String line : str(r.get("passage")).split("\n", -1)) {
                md.append("> ").append(line).append('\n');
            }
            md.append('\n');
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rank", i + 1);
            c.put("collection", collection);
            c.put("path", path);
            c.put("section", section);
            c.put("line", r.get("line"));
            c.put("score", r.get("score"));
            citations.add(c);
        }
        String title = b.title().in(lang);
        return new Block("markdown", title, md.toString().strip(), Map.of("citations", citations));
    }

    /**
     * Whether a document found mentions the name: its title, section or quoted passage, in any case,
     * the highlight marks aside.
     */
    static boolean mention(List<ToolOutput> outputs, String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        for (ToolOutput o : outputs) {
            if (!o.columns().contains("passage")) {
                continue;
            }
            for (int i = 0; i < o.rows().size(); i++) {
                Map<String, Object> r = o.row(i);
                String text = (str(r.get("title")) + "\n" + str(r.get("section")) + "\n" + str(r.get("passage")))
                        .replace("**", "").toLowerCase(java.util.Locale.ROOT);
                if (!n.isEmpty() && text.contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
