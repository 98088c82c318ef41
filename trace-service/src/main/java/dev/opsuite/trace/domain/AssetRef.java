package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;

/**
 * Which version of an asset a request wants: the override syntax "name" (published),
 * "name@3" (version 3, whatever its status) or "name(draft)" (the latest draft).
 */
public record AssetRef(AssetType type, String name, Selector selector, int version) {

    public enum Selector { PUBLISHED, VERSION, LATEST_DRAFT }

    private static final String DRAFT_SUFFIX = "(draft)";

    public static AssetRef published(AssetType type, String name) {
        return new AssetRef(type, name, Selector.PUBLISHED, 0);
    }

    public static AssetRef version(AssetType type, String name, int version) {
        return new AssetRef(type, name, Selector.VERSION, version);
    }

    /** Parses the override syntax; a malformed value is an IllegalArgumentException saying why. */
    public static AssetRef parse(AssetType type, String text) {
        String s = text == null ? "" : text.trim();
        if (s.endsWith(DRAFT_SUFFIX)) {
            return new AssetRef(type, requireName(s.substring(0, s.length() - DRAFT_SUFFIX.length())),
                    Selector.LATEST_DRAFT, 0);
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return published(type, requireName(s));
        }
        String digits = s.substring(at + 1).trim();
        int version;
        try {
            version = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (version < 1 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("version after '@' must be a positive integer");
        }
        return version(type, requireName(s.substring(0, at)), version);
    }

    public AssetKey key() {
        return new AssetKey(type, name);
    }

    /** Why nothing matched, for a name that does exist. */
    String missingReason() {
        return switch (selector) {
            case PUBLISHED -> key() + " has no published version";
            case VERSION -> key() + " has no version " + version;
            case LATEST_DRAFT -> key() + " has no draft";
        };
    }

    private static String requireName(String name) {
        String n = name.trim();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("an asset name is required (\"name\", \"name@3\" or \"name(draft)\")");
        }
        return n;
    }
}
