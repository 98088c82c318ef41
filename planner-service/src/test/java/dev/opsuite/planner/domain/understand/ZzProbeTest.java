package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.RulesPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZzProbeTest {
    @Test
    void probe() throws Exception {
        AssetBundle assets = DefaultAssets.load();
        List<EntityDictionary.Entity> es = new ArrayList<>();
        List<Map.Entry<Integer, String>> al = new ArrayList<>();
        List<Map.Entry<String, String>> vals = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("/tmp/u5estate/cis.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            Map<String, String> fields = new HashMap<>();
            fields.put("ci.location", f[5]); fields.put("ci.owner", f[6]); fields.put("ci.environment", f[4]); fields.put("ci.status", f[3]);
            es.add(new EntityDictionary.Entity(f[0], f[1], f[2], false, fields));
            for (String a : f[7].split("\\|")) if (!a.isBlank()) al.add(Map.entry(es.size() - 1, a));
            for (String k : List.of("ci.location", "ci.owner", "ci.environment")) {
                Map.Entry<String, String> e = Map.entry(k, fields.get(k));
                if (!vals.contains(e)) vals.add(e);
            }
        }
        EntityDictionary dict = new EntityDictionary(5, es, al, vals);
        StringBuilder b = new StringBuilder();
        for (String q : Files.readAllLines(Path.of("/tmp/probe/q.txt"))) {
            if (q.isBlank()) continue;
            var r = new RulesPlanner().plan(q, assets, OffsetDateTime.parse("2026-12-03T09:40:00+09:00"), EstateFixture.SEOUL, dict);
            var p = r.plan(); if (p == null) { b.append("Q: ").append(q).append("\n   NOPLAN ").append(r).append("\n"); continue; }
            b.append("Q: ").append(q).append("\n   ").append(p.intent()).append(" ").append(p.view()).append(" primary=").append(p.primary())
             .append("\n   metric=").append(p.metric()).append(" graph=").append(p.graph()).append("\n   unexplained=").append(p.unexplained())
             .append("\n   claims=").append(p.understanding().get("claims")).append("\n   entities=").append(p.understanding().get("entities")).append("\n");
        }
        Files.writeString(Path.of("/tmp/probe/out.txt"), b.toString());
    }
}
