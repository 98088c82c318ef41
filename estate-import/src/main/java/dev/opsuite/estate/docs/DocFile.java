package dev.opsuite.estate.docs;

import java.util.List;

/**
 * One imported document, parsed: its front matter and its sections (the passages a search cites).
 *
 * @param path        the path the operator gave it, relative to the import's docs/ folder (its identity)
 * @param kind        runbook | alert | postmortem | guide | reference
 * @param lang        ko | en (given, or read from the text when the front matter says nothing)
 * @param cis         codes of the CIs it applies to
 * @param ciTypes     CI types it applies to
 * @param alert       the alert an alert document explains, or ""
 * @param contentHash SHA-256 of the file's bytes: the same path and hash is the same document
 */
public record DocFile(String path, String title, String kind, String lang, List<String> tags, List<String> cis,
                      List<String> ciTypes, String alert, String contentHash, List<DocSection> sections) {
    public DocFile {
        tags = List.copyOf(tags);
        cis = List.copyOf(cis);
        ciTypes = List.copyOf(ciTypes);
        sections = List.copyOf(sections);
    }
}
