package dev.opsuite.trace.domain.validation;

/** The content rules of one asset type: record every problem of the content's root object. */
interface ContentRules {
    void check(Node root);
}
