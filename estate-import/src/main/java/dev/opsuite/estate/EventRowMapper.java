package dev.opsuite.estate;

import java.util.Set;

/** events record → ts (ISO with offset), ci_code, event_type, severity, title, detail. */
final class EventRowMapper implements RowMapper {
    private final Set<String> knownCodes;
    private final int ts;
    private final int code;
    private final int type;
    private final int severity;
    private final int title;
    private final int detail;

    EventRowMapper(Header header, Set<String> knownCodes) {
        this.knownCodes = knownCodes;
        this.ts = header.index("ts");
        this.code = header.index("ci_code");
        this.type = header.index("event_type");
        this.severity = header.index("severity");
        this.title = header.index("title");
        this.detail = header.index("detail");
    }

    @Override
    public String[] map(CsvRow row) throws FieldError {
        return new String[] {
            FieldChecks.timestamp(row, ts).text(),
            FieldChecks.knownCode(row, code, knownCodes),
            FieldChecks.oneOf(row, type, Vocabulary.EVENT_TYPES),
            FieldChecks.oneOf(row, severity, Vocabulary.SEVERITIES),
            FieldChecks.required(row, title),
            FieldChecks.optional(row, detail)
        };
    }
}
