package dev.opsuite.estate;

import java.util.Set;

/** relations record → source_ci_code, relation_type, target_ci_code. */
final class RelationRowMapper implements RowMapper {
    private final Set<String> knownCodes;
    private final int source;
    private final int type;
    private final int target;

    RelationRowMapper(Header header, Set<String> knownCodes) {
        this.knownCodes = knownCodes;
        this.source = header.index("source_ci_code");
        this.type = header.index("relation_type");
        this.target = header.index("target_ci_code");
    }

    @Override
    public String[] map(CsvRow row) throws FieldError {
        String s = FieldChecks.knownCode(row, source, knownCodes);
        String t = FieldChecks.oneOf(row, type, Vocabulary.RELATION_TYPES);
        String d = FieldChecks.knownCode(row, target, knownCodes);
        if (s.equals(d)) {
            // A self-loop would make every impact query report the CI as its own dependency.
            throw new FieldError(target, "a CI cannot be related to itself");
        }
        return new String[] {s, t, d};
    }
}
