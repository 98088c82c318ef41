package dev.opsuite.estate;

import java.util.Set;

/**
 * Turns one CSV record into the normalised fields the loaders write. The same mapping runs in the
 * validation pass (to find problems) and in the load passes (to produce rows), so what was
 * validated is exactly what gets written.
 */
interface RowMapper {

    /** The normalised fields of a valid record, in the order of the kind's staging table. */
    String[] map(CsvRow row) throws FieldError;

    /**
     * @param knownCodes ci_codes that exist; null skips the check (load passes run after validation)
     * @param span       collects the time span of metric timestamps; null when not needed
     */
    static RowMapper forKind(FileKind kind, Header header, Set<String> knownCodes, TimeSpan span) {
        return switch (kind) {
            case CIS -> new CiRowMapper(header);
            case RELATIONS -> new RelationRowMapper(header, knownCodes);
            case METRICS -> new MetricRowMapper(header, knownCodes, span);
            case EVENTS -> new EventRowMapper(header, knownCodes);
        };
    }
}
