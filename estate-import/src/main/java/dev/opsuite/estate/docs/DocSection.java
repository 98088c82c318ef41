package dev.opsuite.estate.docs;

/**
 * A passage of a document: a heading and the text under it up to the next heading of its level or
 * above (the text before the first section heading is a section named by the title).
 *
 * @param heading the section's own heading
 * @param trail   the headings above it and its own, joined by " › " (for the citation)
 * @param line    1-based line of the heading in the file
 * @param text    the section's Markdown, as written
 */
public record DocSection(String heading, String trail, int line, String text) {}
