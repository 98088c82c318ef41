package dev.opsuite.trace.domain.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every problem found in one asset's content, each as "JSON path: what is wrong", in walk order.
 * One problem per path: the first found stands (the kind, checked first, before the finer rules of
 * the type), so a value of the wrong kind is not reported again by a rule that reads it.
 */
final class Problems {
    private final List<String> items = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    void add(String path, String message) {
        if (paths.add(path)) {
            items.add(path + ": " + message);
        }
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    List<String> items() {
        return List.copyOf(items);
    }
}
