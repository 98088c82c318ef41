package dev.opsuite.executor.documents;

/** The fields of one indexed section. */
final class DocFields {
    static final String PATH = "path";
    static final String HASH = "hash";
    static final String TITLE = "title";
    static final String SECTION = "section";
    static final String LINE = "line";
    static final String TEXT = "text";
    static final String KIND = "kind";
    static final String LANG = "lang";
    static final String TAG = "tag";
    static final String CI = "ci";
    static final String CI_SHOWN = "ci_shown";
    static final String CI_TYPE = "ci_type";
    static final String ALERT = "alert";
    /** Set on a document's first section only. */
    static final String FIRST = "first";

    private DocFields() {}
}
