package dev.opsuite.trace.domain.validation;

/**
 * The rules of one asset type beyond its fields' kinds (checked before, from {@link AssetModel}):
 * record every problem of the content's root object.
 */
interface ContentRules {
    void check(Node root);
}
