package dev.opsuite.estate;

/**
 * One thing wrong with an uploaded file, located for the operator.
 *
 * @param line   1-based physical line in the file where the record starts (header = 1)
 * @param column 1-based column position in the file, 0 when no single column is at fault
 * @param columnName header name of the column, or null
 */
public record ImportProblem(String file, long line, int column, String columnName, String message) {

    /** e.g. {@code metrics.csv line 12 column 4 (value): not a number: 'abc'} */
    public String describe() {
        StringBuilder sb = new StringBuilder(file).append(" line ").append(line);
        if (column > 0) {
            sb.append(" column ").append(column);
        }
        if (columnName != null) {
            sb.append(" (").append(columnName).append(')');
        }
        return sb.append(": ").append(message).toString();
    }
}
