package dev.opsuite.trace.domain;

import java.util.List;

/** One page of a search; {@code nextPageToken} is "" on the last page. */
public record TracePage(List<TraceSummary> traces, String nextPageToken) {
}
