package dev.opsuite.estate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of an estate file: columns are found by name (case-insensitive, any order), so
 * operators can export from spreadsheets without re-ordering columns.
 */
final class Header {
    private final String[] names;
    private final Map<String, Integer> index;
    private final int[] extraColumns;

    private Header(String[] names, Map<String, Integer> index, int[] extraColumns) {
        this.names = names;
        this.index = index;
        this.extraColumns = extraColumns;
    }

    /** Checks the header against the kind's columns; every problem is reported at line 1. */
    static Header parse(List<String> raw, FileKind kind, String fileName) {
        List<ImportProblem> problems = new ArrayList<>();
        String[] names = new String[raw.size()];
        Map<String, Integer> index = new HashMap<>();
        List<Integer> extras = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // spreadsheet exports often start with a UTF-8 BOM
            }
            name = name.trim().toLowerCase(Locale.ROOT);
            names[i] = name;
            if (name.isEmpty()) {
                problems.add(new ImportProblem(fileName, 1, i + 1, null, "empty column name in header"));
            } else if (index.putIfAbsent(name, i) != null) {
                problems.add(new ImportProblem(fileName, 1, i + 1, name, "duplicate column in header"));
            } else if (!kind.requiredColumns().contains(name) && !kind.optionalColumns().contains(name)) {
                if (kind.extraColumnsAreAttributes()) {
                    extras.add(i);
                } else {
                    problems.add(new ImportProblem(fileName, 1, i + 1, name,
                            "unknown column; a " + kind.wireName() + " file has columns "
                                    + String.join(", ", all(kind))));
                }
            }
        }
        for (String required : kind.requiredColumns()) {
            if (!index.containsKey(required)) {
                problems.add(new ImportProblem(fileName, 1, 0, required, "missing required column in header"));
            }
        }
        if (!problems.isEmpty()) {
            throw new EstateImportException(problems.subList(0, Math.min(problems.size(),
                    ImportValidator.MAX_PROBLEMS)));
        }
        return new Header(names, index, extras.stream().mapToInt(Integer::intValue).toArray());
    }

    /** 0-based position of a column, or -1 when an optional column is absent. */
    int index(String name) {
        return index.getOrDefault(name, -1);
    }

    String nameAt(int position) {
        return names[position];
    }

    int size() {
        return names.length;
    }

    /** Positions of the cis columns that become attributes. */
    int[] extraColumns() {
        return extraColumns;
    }

    private static List<String> all(FileKind kind) {
        List<String> all = new ArrayList<>(kind.requiredColumns());
        all.addAll(kind.optionalColumns());
        return all;
    }
}
