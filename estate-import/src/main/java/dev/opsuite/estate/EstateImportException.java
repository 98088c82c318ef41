package dev.opsuite.estate;

import java.util.List;

/**
 * A file was rejected whole: nothing of it was written. Carries where the first problems are so
 * an operator can fix the file; the gRPC edge maps it to INVALID_ARGUMENT with this message.
 */
public class EstateImportException extends RuntimeException {
    private final List<ImportProblem> problems;

    public EstateImportException(List<ImportProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public EstateImportException(ImportProblem problem) {
        this(List.of(problem));
    }

    /** The first problems found, in file order (at most {@link ImportValidator#MAX_PROBLEMS}). */
    public List<ImportProblem> problems() {
        return problems;
    }

    public String file() {
        return problems.get(0).file();
    }

    public long line() {
        return problems.get(0).line();
    }

    public int column() {
        return problems.get(0).column();
    }

    public String columnName() {
        return problems.get(0).columnName();
    }

    private static String describe(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return "no problems";
        }
        StringBuilder sb = new StringBuilder(problems.get(0).describe());
        if (problems.size() > 1) {
            sb.append(" (").append(problems.size() - 1).append(" more:");
            for (int i = 1; i < problems.size(); i++) {
                sb.append(i == 1 ? " " : "; ").append(problems.get(i).describe());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
