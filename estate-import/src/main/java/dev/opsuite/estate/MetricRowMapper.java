package dev.opsuite.estate;

import java.util.Set;

/** metrics record → ts (ISO with offset), ci_code, metric_name, value. Records the file's time span. */
final class MetricRowMapper implements RowMapper {
    private final Set<String> knownCodes;
    private final TimeSpan span;
    private final int ts;
    private final int code;
    private final int metric;
    private final int value;

    MetricRowMapper(Header header, Set<String> knownCodes, TimeSpan span) {
        this.knownCodes = knownCodes;
        this.span = span;
        this.ts = header.index("ts");
        this.code = header.index("ci_code");
        this.metric = header.index("metric_name");
        this.value = header.index("value");
    }

    @Override
    public String[] map(CsvRow row) throws FieldError {
        IsoTimestamps.Parsed t = FieldChecks.timestamp(row, ts);
        String c = FieldChecks.knownCode(row, code, knownCodes);
        String m = FieldChecks.oneOf(row, metric, Vocabulary.METRIC_NAMES);
        String v = FieldChecks.number(row, value);
        if (span != null) {
            span.add(t.epochSecond());
        }
        return new String[] {t.text(), c, m, v};
    }
}
