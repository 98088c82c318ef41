package dev.opsuite.planner.domain.understand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An entity dictionary read from an estate's cis.csv (the import format), for planner tests. */
public final class CsvDictionary {
    private CsvDictionary() {}

    public static EntityDictionary load(Path cisCsv, boolean demo) throws IOException {
        return load(List.of(cisCsv), List.of(demo));
    }

    /** Several estates in one dictionary (e.g. the demo beside an operator's own). */
    public static EntityDictionary load(List<Path> files, List<Boolean> demoFlags) throws IOException {
        List<EntityDictionary.Entity> entities = new ArrayList<>();
        List<Map.Entry<Integer, String>> aliases = new ArrayList<>();
        Set<Map.Entry<String, String>> values = new LinkedHashSet<>();
        for (int k = 0; k < files.size(); k++) {
            read(files.get(k), demoFlags.get(k), entities, aliases, values);
        }
        return new EntityDictionary(1, entities, aliases, new ArrayList<>(values));
    }

    private static void read(Path cisCsv, boolean demo, List<EntityDictionary.Entity> entities,
                             List<Map.Entry<Integer, String>> aliases, Set<Map.Entry<String, String>> values)
            throws IOException {
        List<String> lines = Files.readAllLines(cisCsv, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            String code = f.get(header.indexOf("ci_code"));
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (String field : List.of("status", "environment", "location", "owner")) {
                int i = header.indexOf(field);
                if (i >= 0 && i < f.size() && !f.get(i).isBlank()) {
                    fields.put("ci." + field, f.get(i));
                }
            }
            entities.add(new EntityDictionary.Entity(code, f.get(header.indexOf("ci_name")),
                    f.get(header.indexOf("ci_type")), demo, fields));
            int ai = header.indexOf("aliases");
            if (ai >= 0 && ai < f.size() && !f.get(ai).isBlank()) {
                for (String a : f.get(ai).split("\\|")) {
                    aliases.add(Map.entry(entities.size() - 1, a.strip()));
                }
            }
            for (String field : List.of("status", "environment", "location", "owner")) {
                int i = header.indexOf(field);
                if (i >= 0 && i < f.size() && !f.get(i).isBlank()) {
                    values.add(Map.entry("ci." + field, f.get(i)));
                }
            }
        }
    }

    /** RFC 4180 fields of one line (no line breaks inside quotes in these files). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
