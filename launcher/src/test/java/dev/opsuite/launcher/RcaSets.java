package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** What the labelled sets of broken traces share: planting a draft, running RCA, ranking, cleaning up. */
final class RcaSets {
    private RcaSets() {}

    /** Saves the published content of type/name, changed by {@code edit}, as a draft; returns "name@version". */
    static String draft(Http http, String type, String name, Consumer<ObjectNode> edit, List<String[]> drafts)
            throws Exception {
        ObjectNode content = (ObjectNode) http.get("/ops/assets/" + type + "/" + name).data().path("content").deepCopy();
        edit.accept(content);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/" + type + "/" + name, save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        String version = saved.data().path("version").asText();
        drafts.add(new String[] {type, name, version});
        return name + "@" + version;
    }

    static List<JsonNode> hypotheses(Http http, String body) throws Exception {
        Http.Reply r = http.post("/ops/rca", body);
        assertEquals(200, r.status(), r.raw());
        List<JsonNode> out = new ArrayList<>();
        r.data().path("rca").path("hypotheses").forEach(out::add);
        return out;
    }

    /** 1-based rank of the first hypothesis the label accepts; 0 when none of the shown ones does. */
    static int rank(List<JsonNode> hs, Predicate<JsonNode> right) {
        for (int i = 0; i < hs.size(); i++) {
            if (right.test(hs.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    static String titles(List<JsonNode> hs) {
        List<String> t = new ArrayList<>();
        hs.forEach(h -> t.add(h.path("rule").asText() + ":" + h.path("title").asText()));
        return t.toString();
    }

    /** The drafts would otherwise be what "(draft)" means to the test classes after this one. */
    static void archive(Http http, List<String[]> drafts) throws Exception {
        for (String[] d : drafts) {
            Http.Reply r = http.post("/ops/assets/" + d[0] + "/" + d[1] + "/archive", "{\"version\":" + d[2] + "}",
                    "asset_admin");
            assertEquals(200, r.status(), r.raw());
        }
    }
}
