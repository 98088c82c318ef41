package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Source asset, typed: a database the Query templates run on, how to reach it, and its limits,
 * with the defaults the readers apply declared here once (trace-service {@code SourceFields} shows
 * these constants). Anything parses: an absent member, or one of the wrong kind, reads as its
 * default ({@link Read}).
 */
public record SourceAsset(String type, Connection connection, Permissions permissions, Limits limits, Search search) {
    public static final String POSTGRES = "postgres";
    public static final String TIMESCALE = "timescale";
    public static final String NEO4J = "neo4j";
    /** Live state (heartbeats, open alerts, queue depths) read with an allowlist of read-only commands. */
    public static final String REDIS = "redis";
    /** A document collection (runbooks, alert explanations): a Lucene index the executor keeps, named by connection.collection. */
    public static final String DOCUMENTS = "documents";
    /** The types a Source may have. */
    public static final List<String> TYPES = List.of(POSTGRES, TIMESCALE, NEO4J, REDIS, DOCUMENTS);

    /**
     * {@code connection}, member by member in the asset's order: literal values (whole numbers
     * written as integers: a port stored as 5432.0 through a Struct is "5432") and references — the
     * key without its {@code _ref} suffix and the name of the secret holding the value, which wins
     * over a literal of the same key. Secrets are resolved by the executor at run time, never here.
     */
    public record Connection(List<Member> members) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 5432;
        public static final String DEFAULT_DATABASE = "postgres";
        public static final String DEFAULT_URI = "bolt://127.0.0.1:7687";
        /** A Redis source's port and database index when the connection gives neither (nor a redis:// URI). */
        public static final int DEFAULT_REDIS_PORT = 6379;
        public static final int DEFAULT_REDIS_DATABASE = 0;
        public static final String REF_SUFFIX = "_ref";

        /** One member: {@code key} without the suffix; {@code value} the literal, or the secret's name when {@code reference}. */
        public record Member(String key, String value, boolean reference) {}

        public Connection {
            members = List.copyOf(members);
        }

        /** The literal values by key, in order. */
        public Map<String, String> literals() {
            return byKind(false);
        }

        /** The secret names by key (without the suffix), in order. */
        public Map<String, String> refs() {
            return byKind(true);
        }

        private Map<String, String> byKind(boolean reference) {
            Map<String, String> out = new LinkedHashMap<>();
            members.stream().filter(m -> m.reference() == reference).forEach(m -> out.put(m.key(), m.value()));
            return out;
        }

        static Connection from(JsonNode c) {
            List<Member> members = new ArrayList<>();
            Read.members(c).forEach((key, v) -> members.add(key.endsWith(REF_SUFFIX)
                    ? new Member(key.substring(0, key.length() - REF_SUFFIX.length()), v.asText(), true)
                    : new Member(key, text(v), false)));
            return new Connection(members);
        }

        private static String text(JsonNode v) {
            if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
                return Long.toString((long) v.asDouble());
            }
            return v.asText();
        }
    }

    /** {@code permissions}: whether the source is declared read-only, and the schemas SQL may read. */
    public record Permissions(boolean readOnly, List<String> schemaAllowlist) {
        public static final boolean DEFAULT_READ_ONLY = false;
        /** The schema of a source whose allowlist is empty. */
        public static final String DEFAULT_SCHEMA = "public";

        public Permissions {
            schemaAllowlist = List.copyOf(schemaAllowlist);
        }
    }

    /**
     * {@code limits}: bounds on each query run on this source. {@code maxKeys} bounds a Redis call:
     * the keys one command may name (MGET, EXISTS) and the keys a SCAN may return.
     */
    public record Limits(int maxRows, int maxDurationSeconds, int maxConnections, int maxKeys) {
        public static final int DEFAULT_MAX_ROWS = 10_000;
        public static final int DEFAULT_MAX_DURATION_SECONDS = 30;
        public static final int DEFAULT_MAX_CONNECTIONS = 8;
        public static final int DEFAULT_MAX_KEYS = 1_000;

        public Limits(int maxRows, int maxDurationSeconds, int maxConnections) {
            this(maxRows, maxDurationSeconds, maxConnections, DEFAULT_MAX_KEYS);
        }
    }

    /**
     * {@code search}: how a documents Source's collection is searched. {@code synonyms} is its thesaurus,
     * one rule a line in the Solr synonyms format: {@code "cert, certificate, 인증서"} makes the words
     * equivalent, {@code "bounce => restart"} maps the left side's words to the right side's; applied to
     * the question's words at search time (Lucene's SynonymGraphFilter), never to the index.
     */
    public record Search(List<String> synonyms) {
        /** The most rules a thesaurus holds, and the longest rule. */
        public static final int MAX_SYNONYM_RULES = 2000;
        public static final int MAX_SYNONYM_RULE_CHARS = 500;

        public Search {
            synonyms = List.copyOf(synonyms);
        }
    }

    public boolean isNeo4j() {
        return NEO4J.equals(type);
    }

    public boolean isRedis() {
        return REDIS.equals(type);
    }

    public boolean isDocuments() {
        return DOCUMENTS.equals(type);
    }

    /** Parses a Source content (null or missing: every default, type ""); unknown members are ignored. */
    public static SourceAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        JsonNode p = c.path("permissions");
        JsonNode l = c.path("limits");
        return new SourceAsset(Read.string(c.path("type"), ""), Connection.from(c.path("connection")),
                new Permissions(Read.bool(p.path("read_only"), Permissions.DEFAULT_READ_ONLY),
                        Read.strings(p.path("schema_allowlist"))),
                new Limits(Read.integer(l.path("max_rows"), Limits.DEFAULT_MAX_ROWS),
                        Read.integer(l.path("max_duration_seconds"), Limits.DEFAULT_MAX_DURATION_SECONDS),
                        Read.integer(l.path("max_connections"), Limits.DEFAULT_MAX_CONNECTIONS),
                        Read.integer(l.path("max_keys"), Limits.DEFAULT_MAX_KEYS)),
                new Search(Read.strings(c.path("search").path("synonyms"))));
    }

    /** The typed content of an applied Source, parsed once per content ({@link ParsedAssets}). */
    public static SourceAsset of(AssetDoc source) {
        return ParsedAssets.parsed(source.content(), SourceAsset.class, SourceAsset::from);
    }
}
