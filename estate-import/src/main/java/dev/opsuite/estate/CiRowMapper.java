package dev.opsuite.estate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * cis record → ci_code, ci_name, ci_type, status, environment, location, owner, attributes (JSON),
 * code_norm, name_norm, aliases, aliases_norm. Alias norms are computed here, not in SQL, because
 * PostgreSQL's lower() depends on the database locale and would disagree with Java lookups. The
 * optional {@code tags} column ("pci|tier1") is kept as the attribute {@code tags}, lower-cased,
 * without blanks or repeats, "|"-joined: a Policy data scope may filter on a tag.
 */
final class CiRowMapper implements RowMapper {
    static final int MAX_ALIASES = 100;
    static final int MAX_TAGS = 32;
    static final int MAX_TAG_LENGTH = 64;
    /** The attribute the tags are kept in (what the dictionary template reads for data scopes). */
    static final String TAGS_ATTRIBUTE = "tags";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Header header;
    private final int code;
    private final int name;
    private final int type;
    private final int status;
    private final int environment;
    private final int location;
    private final int owner;
    private final int aliases;
    private final int tags;

    CiRowMapper(Header header) {
        this.header = header;
        this.code = header.index("ci_code");
        this.name = header.index("ci_name");
        this.type = header.index("ci_type");
        this.status = header.index("status");
        this.environment = header.index("environment");
        this.location = header.index("location");
        this.owner = header.index("owner");
        this.aliases = header.index("aliases");
        this.tags = header.index("tags");
    }

    @Override
    public String[] map(CsvRow row) throws FieldError {
        String ciCode = FieldChecks.code(row, code);
        String ciName = FieldChecks.required(row, name);
        String ciType = FieldChecks.oneOf(row, type, Vocabulary.CI_TYPES);
        String ciStatus = FieldChecks.oneOf(row, status, Vocabulary.STATUSES);
        String env = FieldChecks.optional(row, environment);
        String loc = FieldChecks.optional(row, location);
        String own = FieldChecks.optional(row, owner);
        String[] aliasFields = aliases(row);
        return new String[] {ciCode, ciName, ciType, ciStatus, env, loc, own, attributes(row),
                AliasNorm.normalize(ciCode), AliasNorm.normalize(ciName), aliasFields[0], aliasFields[1]};
    }

    /** "a|b" → {"a|b", "norm(a)|norm(b)"}, dropping blanks; {null, null} when there are none. */
    private String[] aliases(CsvRow row) throws FieldError {
        String raw = FieldChecks.optional(row, aliases);
        if (raw == null) {
            return new String[] {null, null};
        }
        StringBuilder text = new StringBuilder();
        StringBuilder norms = new StringBuilder();
        int count = 0;
        for (String part : raw.split("\\|")) {
            String alias = part.strip();
            String norm = AliasNorm.normalize(alias);
            if (norm.isEmpty()) {
                continue;
            }
            if (alias.length() > FieldChecks.MAX_CODE_LENGTH) {
                throw new FieldError(aliases, "alias longer than " + FieldChecks.MAX_CODE_LENGTH + " characters");
            }
            if (++count > MAX_ALIASES) {
                throw new FieldError(aliases, "more than " + MAX_ALIASES + " aliases");
            }
            text.append(count > 1 ? "|" : "").append(alias);
            norms.append(count > 1 ? "|" : "").append(norm);
        }
        return count == 0 ? new String[] {null, null} : new String[] {text.toString(), norms.toString()};
    }

    /** "PCI | tier1||pci" → "pci|tier1"; null when there are none. */
    private String tags(CsvRow row) throws FieldError {
        String raw = FieldChecks.optional(row, tags);
        if (raw == null) {
            return null;
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String part : raw.split("\\|")) {
            String tag = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new FieldError(tags, "tag longer than " + MAX_TAG_LENGTH + " characters");
            }
            out.add(tag);
            if (out.size() > MAX_TAGS) {
                throw new FieldError(tags, "more than " + MAX_TAGS + " tags");
            }
        }
        return out.isEmpty() ? null : String.join("|", out);
    }

    /** Extra columns become string attributes; empty cells are left out rather than stored as "". */
    private String attributes(CsvRow row) throws FieldError {
        int[] extras = header.extraColumns();
        String tagged = tags(row);
        if (extras.length == 0 && tagged == null) {
            return "{}";
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        if (tagged != null) {
            attrs.put(TAGS_ATTRIBUTE, tagged);
        }
        for (int position : extras) {
            String v = FieldChecks.optional(row, position);
            if (v != null) {
                attrs.put(header.nameAt(position), v);
            }
        }
        try {
            return JSON.writeValueAsString(attrs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
