package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Policy's {@code security}: what statements may do (read by VALIDATE and EXECUTE's guard, the
 * schema scan) and which questions are refused before planning (read by the planner).
 */
public record PolicySecurity(List<String> allowedOperations, List<String> blockedTables, List<String> schemaAllowlist,
                             List<String> allowedFunctions, Text blockedTableReason, List<RejectRule> rejectRules,
                             Commands commands, PolicyRedis redis, PolicyDocuments documents) {
    /** SQL runs only when SELECT is allowed; an absent or empty list means this. */
    public static final List<String> DEFAULT_ALLOWED_OPERATIONS = List.of("SELECT");
    /** The refusal of a question naming a blocked table; {@code {table}} is the table. */
    public static final String DEFAULT_BLOCKED_TABLE_REASON = "blocked table: {table}";
    public static final String DEFAULT_REJECT_POLICY = "security";
    public static final String DEFAULT_COMMAND_POLICY = "read_only";

    public PolicySecurity {
        allowedOperations = List.copyOf(allowedOperations);
        blockedTables = List.copyOf(blockedTables);
        schemaAllowlist = List.copyOf(schemaAllowlist);
        allowedFunctions = List.copyOf(allowedFunctions);
        rejectRules = List.copyOf(rejectRules);
    }

    /** {@code security.reject_rules[]}: questions refused when one of the patterns matches. */
    public record RejectRule(String policy, List<String> patterns, Text reason) {
        public RejectRule {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code security.commands}: requests to act rather than to read, refused before planning. */
    public record Commands(List<String> requestWords, List<String> objectWords, List<String> nounMarkers,
                           List<String> nounFollowers, List<String> koRequestWords, List<CommandRule> rules) {
        public Commands {
            requestWords = List.copyOf(requestWords);
            objectWords = List.copyOf(objectWords);
            nounMarkers = List.copyOf(nounMarkers);
            nounFollowers = List.copyOf(nounFollowers);
            koRequestWords = List.copyOf(koRequestWords);
            rules = List.copyOf(rules);
        }

        static Commands from(JsonNode c) {
            return new Commands(Read.strings(c.path("request_words")), Read.strings(c.path("object_words")),
                    Read.strings(c.path("noun_markers")), Read.strings(c.path("noun_followers")),
                    Read.strings(c.path("ko_request_words")),
                    Read.objects(c.path("rules")).stream().map(CommandRule::from).toList());
        }
    }

    /** {@code security.commands.rules[]}: one policy's command words. */
    public record CommandRule(String policy, Text reason, List<String> verbs, List<String> phrasalVerbs,
                              List<String> patterns, List<String> koStems, List<String> koNounCommands,
                              List<String> koSurfaces) {
        public CommandRule {
            verbs = List.copyOf(verbs);
            phrasalVerbs = List.copyOf(phrasalVerbs);
            patterns = List.copyOf(patterns);
            koStems = List.copyOf(koStems);
            koNounCommands = List.copyOf(koNounCommands);
            koSurfaces = List.copyOf(koSurfaces);
        }

        static CommandRule from(JsonNode r) {
            return new CommandRule(Read.string(r.path("policy"), DEFAULT_COMMAND_POLICY), Text.from(r.path("reason")),
                    Read.strings(r.path("verbs")), Read.strings(r.path("phrasal_verbs")),
                    Read.strings(r.path("patterns")), Read.strings(r.path("ko_stems")),
                    Read.strings(r.path("ko_noun_commands")), Read.strings(r.path("ko_surfaces")));
        }
    }

    static PolicySecurity from(JsonNode s) {
        List<String> operations = Read.strings(s.path("allowed_operations"));
        return new PolicySecurity(operations.isEmpty() ? DEFAULT_ALLOWED_OPERATIONS : operations,
                Read.strings(s.path("blocked_tables")), Read.strings(s.path("schema_allowlist")),
                Read.strings(s.path("allowed_functions")),
                Text.from(s.path("blocked_table_reason"), Text.of(DEFAULT_BLOCKED_TABLE_REASON)),
                Read.objects(s.path("reject_rules")).stream().map(r -> new RejectRule(
                        Read.string(r.path("policy"), DEFAULT_REJECT_POLICY), Read.strings(r.path("patterns")),
                        Text.from(r.path("reason")))).toList(),
                Commands.from(s.path("commands")), PolicyRedis.from(s.path("redis")),
                PolicyDocuments.from(s.path("documents")));
    }
}
