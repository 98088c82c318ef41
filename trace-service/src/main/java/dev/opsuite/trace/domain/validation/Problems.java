package dev.opsuite.trace.domain.validation;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in one asset's content, each as "JSON path: what is wrong", in walk order. */
final class Problems {
    private final List<String> items = new ArrayList<>();

    void add(String path, String message) {
        items.add(path + ": " + message);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    List<String> items() {
        return List.copyOf(items);
    }
}
