package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;
import static dev.opsuite.trace.domain.validation.Kind.TEXT;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;

import dev.opsuite.model.asset.PolicySecurity;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code security} part of a Policy asset: what statements may do, and which questions are refused. */
final class PolicySecurityFields {
    private PolicySecurityFields() {}

    static List<AssetSpec.Group> groups() {
        return List.of(statements(), questions());
    }

    private static AssetSpec.Group statements() {
        return group("Security: statements",
                field("security", OBJECT, "What statements may do and which questions are refused."),
                field("security.allowed_operations", STRINGS, "SQL operations allowed. SQL runs only when `SELECT` "
                        + "is listed; nothing that writes is ever allowed.").defaultIs("`" + json(PolicySecurity.DEFAULT_ALLOWED_OPERATIONS) + "` (also when empty)")
                        .known("SELECT"),
                field("security.blocked_tables", STRINGS, "Tables no statement may read and no plan may name; the "
                        + "schema scan leaves them out and questions naming one are refused.").byDefault("[]"),
                field("security.schema_allowlist", STRINGS, "Schemas SQL statements may read.")
                        .defaultIs("`[]` (any schema)"),
                field("security.allowed_functions", STRINGS, "SQL functions statements may call; a statement calling "
                        + "another is denied.").defaultIs("`[]` (none)"),
                field("security.redis", OBJECT, "Narrows what Redis templates may run (never beyond the product's "
                        + "read-only allowlist: GET, MGET, HGET, HGETALL, SMEMBERS, SISMEMBER, ZRANGE, ZRANGEBYSCORE, "
                        + "ZREVRANGE, LRANGE, XRANGE, XREVRANGE, SCAN, TTL, TYPE, EXISTS, TS.RANGE, TS.GET)."),
                field("security.redis.allowed_commands", STRINGS, "The commands templates may run.")
                        .defaultIs("`[]` (the whole allowlist)"),
                field("security.redis.key_patterns", STRINGS, "Glob patterns (`*`, `?`) every key a command names, "
                        + "once bound, must match one of.").defaultIs("`[]` (any key)"),
                field("security.redis.roles", OBJECT, "Per role, a further narrowing for callers "
                        + "with that role (each of a caller's roles named here narrows, none widens)."),
                field("security.redis.roles.<key>", OBJECT, "One role's narrowing."),
                field("security.redis.roles.<key>.allowed_commands", STRINGS, "The commands the role may run."),
                field("security.redis.roles.<key>.key_patterns", STRINGS, "The key patterns the role may read."),
                field("security.documents", OBJECT, "Bounds of document searches (Query templates of language "
                        + "`search` on a Source of type `documents`), checked in VALIDATE and again in EXECUTE."),
                field("security.documents.max_k", INTEGER, "The most documents one search may cite; a template's "
                        + "`search.top_k` above it is cut to it (a `clamp` decision).")
                        .byDefault(dev.opsuite.model.asset.PolicyDocuments.DEFAULT_MAX_K).min(1),
                field("security.documents.max_passage_chars", INTEGER, "The longest passage one citation may quote.")
                        .byDefault(dev.opsuite.model.asset.PolicyDocuments.DEFAULT_MAX_PASSAGE_CHARS).min(80),
                field("security.documents.collections", STRINGS, "The collections searches may read.")
                        .defaultIs("`[]` (every collection)"),
                field("security.documents.roles", mapOf(STRINGS), "Per role, the only collections callers with "
                        + "that role may search (a caller with several named roles: those all of them allow)."));
    }

    private static AssetSpec.Group questions() {
        return group("Security: refused questions",
                field("security.blocked_table_reason", TEXT, "The refusal of a question naming a blocked table "
                        + "(`{table}`).").byDefaultText(PolicySecurity.DEFAULT_BLOCKED_TABLE_REASON),
                field("security.reject_rules", arrayOf(OBJECT), "Questions refused before planning, first match wins "
                        + "(after commands and blocked tables); no planner can override them."),
                field("security.reject_rules[].policy", STRING, "The policy named in the refusal.")
                        .byDefaultText(PolicySecurity.DEFAULT_REJECT_POLICY),
                field("security.reject_rules[].patterns", STRINGS, "Phrases (or `^` regular expressions) that "
                        + "select the rule."),
                field("security.reject_rules[].reason", TEXT, "The refusal."),
                field("security.commands", OBJECT, "Requests to act rather than to read (change, destroy, carry data "
                        + "out), in any wording, refused before planning; one rule per policy. \"the last update of "
                        + "X\" stays a question."),
                field("security.commands.request_words", STRINGS, "Words after which a verb is a request (\"please\", "
                        + "\"can you\")."),
                field("security.commands.object_words", STRINGS, "Words after a verb that make it a command (\"the\", "
                        + "\"all\", \"table\")."),
                field("security.commands.noun_markers", STRINGS, "Words before a verb that make it a noun (\"the "
                        + "change log\")."),
                field("security.commands.noun_followers", STRINGS, "Words after a verb that make it a noun (\"change "
                        + "events\")."),
                field("security.commands.ko_request_words", STRINGS, "Korean words after a command noun that request "
                        + "it (\"바랍니다\", \"요청\")."),
                field("security.commands.rules", arrayOf(OBJECT), "The rules, checked in order."),
                field("security.commands.rules[].policy", STRING, "The policy named in the refusal.")
                        .byDefaultText(PolicySecurity.DEFAULT_COMMAND_POLICY),
                field("security.commands.rules[].reason", TEXT, "The refusal."),
                field("security.commands.rules[].verbs", STRINGS, "English verbs used as a command (\"drop\", "
                        + "\"delete\"), in any form before their object."),
                field("security.commands.rules[].phrasal_verbs", STRINGS, "Phrasal verbs, at the start or after a "
                        + "request (\"turn off\")."),
                field("security.commands.rules[].patterns", STRINGS, "Phrases refused wherever they appear "
                        + "(\"rm -rf\")."),
                field("security.commands.rules[].ko_stems", STRINGS, "Korean verb stems used as a command "
                        + "(\"삭제\", \"지우\")."),
                field("security.commands.rules[].ko_noun_commands", STRINGS, "Korean nouns that command when they end "
                        + "the sentence (\"기록 싹 삭제\")."),
                field("security.commands.rules[].ko_surfaces", STRINGS, "Korean forms refused as written "
                        + "(\"지워\")."));
    }

    /** A list of strings as JSON: ["SELECT"]. */
    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
