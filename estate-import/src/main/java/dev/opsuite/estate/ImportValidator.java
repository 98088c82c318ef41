package dev.opsuite.estate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validation pass: reads the whole file once, streaming, before anything is written, and
 * collects the first {@link #MAX_PROBLEMS} problems. Memory stays constant apart from the set of
 * known ci_codes (and, for a cis file, the codes seen so far to catch duplicates).
 */
final class ImportValidator {
    static final int MAX_PROBLEMS = 20;

    /** What the load pass needs to know about a valid file. */
    record Result(long rows, TimeSpan span) {}

    private ImportValidator() {}

    /** Counts each row read (and each refused) on the meter. */
    static Result validate(Path file, String fileName, FileKind kind, Set<String> knownCodes, ImportMeter meter)
            throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        TimeSpan span = new TimeSpan();
        // cis only: a ci_code twice in one file would make the upsert touch a row twice.
        Map<String, Long> ciCodeLines = kind == FileKind.CIS ? new HashMap<>() : null;
        long rows = 0;
        try (CsvSource source = CsvSource.open(file, fileName, kind)) {
            Header header = source.header();
            RowMapper mapper = RowMapper.forKind(kind, header, knownCodes, span);
            while (problems.size() < MAX_PROBLEMS) {
                CsvRow row;
                try {
                    row = source.next();
                } catch (CsvSource.CsvSyntaxException e) {
                    problems.add(e.problem()); // the parser cannot resynchronise after this
                    break;
                }
                if (row == null) {
                    break;
                }
                rows++;
                ImportProblem problem = check(row, header, mapper, fileName, ciCodeLines);
                meter.row(source.bytesConsumed());
                if (problem != null) {
                    problems.add(problem);
                    meter.refused();
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EstateImportException(problems);
        }
        return new Result(rows, span);
    }

    private static ImportProblem check(CsvRow row, Header header, RowMapper mapper, String fileName,
                                       Map<String, Long> ciCodeLines) {
        if (row.size() != header.size()) {
            int column = Math.min(row.size(), header.size()) + 1;
            String name = row.size() < header.size() ? header.nameAt(row.size()) : null;
            return new ImportProblem(fileName, row.line(), column, name,
                    "expected " + header.size() + " fields as in the header but found " + row.size());
        }
        String[] fields;
        try {
            fields = mapper.map(row);
        } catch (FieldError e) {
            return new ImportProblem(fileName, row.line(), e.position() + 1, header.nameAt(e.position()),
                    e.getMessage());
        }
        if (ciCodeLines != null) {
            Long first = ciCodeLines.putIfAbsent(fields[0], row.line());
            if (first != null) {
                int position = header.index("ci_code");
                return new ImportProblem(fileName, row.line(), position + 1, "ci_code",
                        "duplicate ci_code '" + Texts.excerpt(fields[0]) + "' (first on line " + first + ")");
            }
        }
        return null;
    }
}
