package dev.opsuite.planner.domain.understand;

/** A half-open range [start, end) of the analysed text. */
public record Span(int start, int end) {
    public boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    public boolean contains(Span o) {
        return start <= o.start && o.end <= end;
    }

    public int length() {
        return end - start;
    }
}
