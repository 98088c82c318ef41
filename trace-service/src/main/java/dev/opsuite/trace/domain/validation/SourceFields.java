package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.BOOLEAN;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;

import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.asset.SourceAsset.Connection;
import dev.opsuite.model.asset.SourceAsset.Limits;
import dev.opsuite.model.asset.SourceAsset.Permissions;
import dev.opsuite.model.asset.SourceAsset.Search;
import dev.opsuite.model.AssetType;

/** The fields of a Source asset (read by EXECUTE's adapters, the schema scan and VALIDATE). */
final class SourceFields {
    private SourceFields() {}

    static AssetSpec spec() {
        return new AssetSpec(AssetType.SOURCE,
                "A database the Query templates run on, and how to reach it. Secrets are never stored: a "
                        + "connection value can be given as `<key>_ref`, the name of a secret resolved at run time "
                        + "(environment variable `OPS_SECRET_<NAME>` or an entry of `OPS_SECRETS_FILE`). A key "
                        + "named password, secret, token or api_key is refused anywhere in the content.",
                "EXECUTE (executor-service: connection pools, row and time limits, the schema scan); VALIDATE "
                        + "(plan-guard: a template runs only on a read-only source).",
                java.util.List.of(
                        group("Source",
                                Field.assetName(),
                                field("type", STRING, "The kind of database: `postgres` and `timescale` are read "
                                        + "with SQL over JDBC, `neo4j` with Cypher over Bolt, `redis` (live state) "
                                        + "with an allowlist of read-only commands, `documents` (a collection of "
                                        + "runbooks and alert explanations the executor indexes) with search "
                                        + "templates.")
                                        .required().oneOf(SourceAsset.TYPES.toArray(String[]::new))),
                        group("Connection",
                                field("connection", OBJECT, "How to reach the database. Literal host, port and "
                                        + "database are checked so that no URL parameter can be smuggled in.")
                                        .required(),
                                field("connection.host", STRING, "PostgreSQL/TimescaleDB host name or IP address.")
                                        .byDefaultText(Connection.DEFAULT_HOST),
                                ref("connection.host_ref", "host"),
                                field("connection.port", Kind.either(INTEGER, STRING), "PostgreSQL/TimescaleDB "
                                        + "port, as a number or as digits.")
                                        .byDefault(Connection.DEFAULT_PORT).between(1, 65535).mustBe("a port number (1-65535)"),
                                ref("connection.port_ref", "port"),
                                field("connection.database", Kind.either(INTEGER, STRING), "PostgreSQL/TimescaleDB "
                                        + "database name; Redis: the database index (`0`-`15`).")
                                        .byDefaultText(Connection.DEFAULT_DATABASE),
                                ref("connection.database_ref", "database"),
                                field("connection.url", STRING, "A whole JDBC URL "
                                        + "`jdbc:postgresql://host[:port][/database]` (no parameters); when given, "
                                        + "host, port and database are not used."),
                                ref("connection.url_ref", "url"),
                                field("connection.uri", STRING, "Neo4j Bolt URI: `bolt://` or `neo4j://` (`+s`, "
                                        + "`+ssc`) host[:port], no parameters. Redis: `redis://` (`rediss://` for "
                                        + "TLS) host[:port][/database], without user or password.")
                                        .byDefaultText(Connection.DEFAULT_URI),
                                ref("connection.uri_ref", "uri"),
                                field("connection.tls", Kind.either(BOOLEAN, STRING), "Redis: connect with TLS "
                                        + "(`true`; a `rediss://` URI says it too).").byDefault(false),
                                field("connection.tls_ca_ref", STRING, "Redis with TLS: name of the secret holding "
                                        + "the CA certificate(s), PEM, the server's certificate must be signed by (an "
                                        + "operator's private CA); only these are trusted. Without it, the JDK's trust "
                                        + "store. A secret rather than a file path, so that an asset cannot make the "
                                        + "executor read a file of its host: an `OPS_SECRET_<NAME>` variable holds the "
                                        + "PEM with its line breaks, an `OPS_SECRETS_FILE` entry writes them as `\\n`. "
                                        + "A private key in it is refused; a literal `tls_ca` too.")
                                        .nonBlank().mustBe("a string naming a secret"),
                                field("connection.tls_cert_ref", STRING, "Redis with TLS, mutual TLS: name of the "
                                        + "secret holding the client certificate, PEM (the leaf first, then any "
                                        + "intermediates), presented to a server that asks for one (`tls-auth-clients`). "
                                        + "Given with `tls_key_ref` or not at all; a secret, never a file path, as "
                                        + "`tls_ca_ref`. A literal `tls_cert` is refused.")
                                        .nonBlank().mustBe("a string naming a secret"),
                                field("connection.tls_key_ref", STRING, "Redis with TLS, mutual TLS: name of the "
                                        + "secret holding the client certificate's private key, PEM, unencrypted "
                                        + "PKCS#8 (`BEGIN PRIVATE KEY`; a PKCS#1 `BEGIN RSA PRIVATE KEY` or an "
                                        + "encrypted key is refused with the conversion to run). Given with "
                                        + "`tls_cert_ref` or not at all; a key that is not the certificate's is "
                                        + "refused before connecting. A literal `tls_key` is refused.")
                                        .nonBlank().mustBe("a string naming a secret"),
                                field("connection.tls_verify_hostname", Kind.either(BOOLEAN, STRING), "Redis with "
                                        + "TLS: check that the server's certificate names the host connected to (an IP "
                                        + "address must be an IP SAN). `false` keeps the CA check and is shown by the "
                                        + "health check.").byDefault(true),
                                field("connection.timeout_ms", INTEGER, "Redis: socket timeout of one command, in "
                                        + "milliseconds (at most `limits.max_duration_seconds`).")
                                        .min(1).defaultIs("`limits.max_duration_seconds`"),
                                field("connection.connect_timeout_ms", INTEGER, "Redis: connect timeout, in "
                                        + "milliseconds.").min(1).byDefault(2000),
                                field("connection.collection", STRING, "Documents: the collection's name (its "
                                        + "index directory under `OPS_DOCS_DIR`; lower-case letters, digits, `_`, "
                                        + "`-`); `./ops import` puts documents into `ops_docs` unless told "
                                        + "otherwise."),
                                field("connection.table", STRING, "Documents: a PostgreSQL table or view (`name` or "
                                        + "`schema.name`) the collection's documents are read from, before a search "
                                        + "when the last read is older than `refresh_seconds`: columns `path`, "
                                        + "`title`, `body` (Markdown), optionally `kind`, `lang`, `tags`, `cis`, "
                                        + "`ci_types`, `alert`; the collection then holds exactly its rows (at most "
                                        + "10000). Read with the Policy's SQL guard (a blocked table is refused)."),
                                field("connection.from_source", STRING, "Documents with a `table`: the postgres "
                                        + "Source it is read through."),
                                field("connection.refresh_seconds", Kind.either(INTEGER, STRING), "Documents with a "
                                        + "`table`: how old the last read may be before a search reads it again.")
                                        .byDefault(60),
                                field("connection.user", STRING, "Login user. A Neo4j source without a user connects "
                                        + "without authentication."),
                                ref("connection.user_ref", "user"),
                                field("connection.password_ref", STRING, "Name of the secret holding the password, "
                                        + "resolved at run time. A literal `password` is refused.")
                                        .nonBlank().mustBe("a string naming a secret")),
                        group("Permissions and limits",
                                field("permissions", OBJECT, "What the product may do on this source."),
                                field("permissions.read_only", BOOLEAN, "Declares the source read-only. VALIDATE "
                                        + "denies every template on a source that does not say `true`.")
                                        .byDefault(Permissions.DEFAULT_READ_ONLY),
                                field("permissions.schema_allowlist", STRINGS, "PostgreSQL schemas put on the "
                                        + "connection's search_path and scanned by the schema scan (names of "
                                        + "letters, digits and `_`).")
                                        .defaultIs("`[]` (the `" + Permissions.DEFAULT_SCHEMA + "` schema)"),
                                field("limits", OBJECT, "Bounds on each query run on this source."),
                                field("limits.max_rows", INTEGER, "Most rows one query returns (a template's "
                                        + "`max_rows` may lower it; more rows mark the result truncated).")
                                        .min(1).byDefault(Limits.DEFAULT_MAX_ROWS),
                                field("limits.max_duration_seconds", INTEGER, "Longest one query may run; the "
                                        + "Policy's `budget.timeout_seconds` bounds it too.")
                                        .min(1).byDefault(Limits.DEFAULT_MAX_DURATION_SECONDS),
                                field("limits.max_connections", INTEGER, "Size of the connection pool "
                                        + "(PostgreSQL/TimescaleDB).")
                                        .min(1).byDefault(Limits.DEFAULT_MAX_CONNECTIONS),
                                field("limits.max_keys", INTEGER, "Redis: most keys one command may name (MGET, "
                                        + "EXISTS) and a SCAN may return.")
                                        .min(1).byDefault(Limits.DEFAULT_MAX_KEYS)),
                        group("Search (documents)",
                                field("search", OBJECT, "Documents: how the collection is searched."),
                                field("search.synonyms", STRINGS, "Documents: the collection's thesaurus, one rule "
                                        + "a string in the Solr synonyms format — `\"cert, certificate, 인증서\"` makes "
                                        + "the words (or phrases) equivalent, `\"bounce => restart\"` adds the right "
                                        + "side's words wherever the left side's appear. Applied to the question's words "
                                        + "at search time (Lucene's SynonymGraphFilter, after the Korean and the English "
                                        + "analysis, so a rule matches stems and morphemes), never to the index; the "
                                        + "words it adds weigh half the question's own. For vocabulary no analyzer "
                                        + "bridges: abbreviations, operators' verbs, Korean and English names of the same "
                                        + "thing. A word an analyzer reduces to nothing (a stop word) is left out of "
                                        + "that language's rules. At most " + Search.MAX_SYNONYM_RULES + " rules of "
                                        + Search.MAX_SYNONYM_RULE_CHARS + " characters.")
                                        .defaultIs("`[]` (no thesaurus)"))));
    }

    /** A connection value given by reference: the name of the secret holding it. */
    private static Field ref(String path, String what) {
        return field(path, STRING, "Name of the secret holding `" + what + "`, resolved at run time; it wins over a "
                + "literal `" + what + "`.")
                .nonBlank().mustBe("a string naming a secret");
    }
}
