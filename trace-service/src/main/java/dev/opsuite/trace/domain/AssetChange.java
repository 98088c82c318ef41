package dev.opsuite.trace.domain;

/**
 * One difference between two versions' contents at a JSON path; {@code before}/{@code after} are
 * plain Java JSON values, null on the missing side of an added/removed change.
 */
public record AssetChange(String path, Op op, Object before, Object after) {
    public enum Op {
        ADDED, REMOVED, CHANGED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
