package dev.opsuite.estate;

import org.apache.commons.csv.CSVRecord;

/** One data record with the physical line it starts on (records may span lines when quoted). */
record CsvRow(long line, CSVRecord record) {

    int size() {
        return record.size();
    }

    /** The raw field at a 0-based position; "" for an absent optional column. */
    String raw(int position) {
        return position < 0 || position >= record.size() ? "" : record.get(position);
    }
}
