package dev.opsuite.estate;

/** A bad value in one field; the validator turns it into an {@link ImportProblem} with the line. */
final class FieldError extends Exception {
    private final int position;

    /** @param position 0-based column position in the file */
    FieldError(int position, String message) {
        super(message, null, false, false); // no stack trace: bad rows are expected input
        this.position = position;
    }

    int position() {
        return position;
    }
}
