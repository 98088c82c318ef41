package dev.opsuite.executor.documents;

import dev.opsuite.estate.docs.DocFile;
import dev.opsuite.estate.docs.DocSection;
import dev.opsuite.executor.domain.DocumentPort;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document collections of this executor: one Lucene index (BM25) per collection under the
 * index root ({@code OPS_DOCS_DIR}, the data directory's {@code documents/} in the all-in-one), one
 * Lucene document per section. Import is incremental and idempotent: a document is replaced whole
 * when its content hash changed and left alone when it did not; each import holds the index's write
 * lock only while it writes. Searches read the last committed index (refreshed before each); the
 * question's words are analysed into terms, never parsed as query syntax.
 */
public final class LuceneDocuments implements DocumentPort, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LuceneDocuments.class);
    /** A collection's name: its directory under the root. */
    public static final Pattern COLLECTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final String DEFAULT_COLLECTION = "ops_docs";
    static final int MAX_COLLECTIONS = 64;

    private final Optional<Path> root;
    private final DocAnalysis analysis = new DocAnalysis();
    private final Map<String, Collection> open = new LinkedHashMap<>();
    /** When each table-backed collection was last read from its table. */
    private final Map<String, java.time.Instant> synced = new java.util.HashMap<>();
    private boolean closed;
    /** The thesauri built, by rule list: the last {@value #MAX_THESAURI} kept (an asset's versions, a few Sources). */
    private final Map<List<String>, Thesaurus> thesauri = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Thesaurus> eldest) {
            return size() > MAX_THESAURI; // not closed: a search may still hold it (its analyzers' state is weakly held)
        }
    };
    static final int MAX_THESAURI = 8;

    /**
     * One collection: its directory, and a searcher manager once an index exists there. No writer is
     * kept open: each import opens one, commits and closes it, so several executors (replicas) can
     * read the same index and any one of them can import into it (one at a time: Lucene's lock).
     */
    private static final class Collection {
        final Directory dir;
        SearcherManager searchers;

        Collection(Directory dir) {
            this.dir = dir;
        }
    }

    /** What importing one document did. */
    public record Imported(String collection, String path, int sections, boolean changed) {}

    /** @param root the index root, or empty for an executor that keeps no documents (every call says so) */
    public LuceneDocuments(Optional<Path> root) {
        this.root = root;
    }

    /** The collection a documents Source names ({@code connection.collection}), checked. */
    public static String collectionOf(AssetDoc source) {
        String c = SourceAsset.of(source).connection().literals().getOrDefault("collection", "");
        if (!COLLECTION.matcher(c).matches()) {
            throw OpsException.invalid("source " + source.name() + " names no valid collection (connection.collection: "
                    + "lower-case letters, digits, '_' and '-', at most 64): '" + c + "'");
        }
        return c;
    }

    /** Indexes one parsed document into a collection: replaced when its content changed, else left alone. */
    public Imported add(String collection, DocFile doc) {
        return write(collection, w -> {
            if (doc.contentHash().equals(held(w).get(doc.path()))) {
                return new Imported(collection, doc.path(), doc.sections().size(), false);
            }
            w.updateDocuments(new Term(DocFields.PATH, doc.path()), sections(doc));
            w.commit();
            return new Imported(collection, doc.path(), doc.sections().size(), true);
        });
    }

    /** Removes a document when the index holds it with this content hash; returns whether it did. */
    public boolean remove(String collection, String path, String contentHash) {
        return write(collection, w -> {
            if (!contentHash.equals(held(w).get(path))) {
                return false;
            }
            w.deleteDocuments(new Term(DocFields.PATH, path));
            w.commit();
            return true;
        });
    }

    private interface Write<T> {
        T apply(IndexWriter writer) throws IOException;
    }

    /**
     * Runs a change under the collection's monitor and Lucene's write lock, held only for it (another
     * executor sharing the index root may hold it: said as retryable, never waited on).
     */
    private <T> T write(String collection, Write<T> body) {
        Collection c = collection(collection);
        synchronized (c) {
            try (IndexWriter w = new IndexWriter(c.dir, new IndexWriterConfig(analysis.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND))) {
                return body.apply(w);
            } catch (LockObtainFailedException e) {
                throw new OpsException(ErrorCode.UNAVAILABLE, "the document collection '" + collection
                        + "' is being written by another import; retry", e);
            } catch (IOException e) {
                throw unreadable(collection, e);
            }
        }
    }

    /** The documents the index holds, path → content hash (one stored field pair per document). */
    private static Map<String, String> held(IndexWriter w) throws IOException {
        Map<String, String> held = new java.util.HashMap<>();
        try (DirectoryReader r = DirectoryReader.open(w)) {
            IndexSearcher s = new IndexSearcher(r);
            for (ScoreDoc sd : s.search(new TermQuery(new Term(DocFields.FIRST, "1")), Math.max(1, r.numDocs()))
                    .scoreDocs) {
                Document d = s.storedFields().document(sd.doc, java.util.Set.of(DocFields.PATH, DocFields.HASH));
                held.put(d.get(DocFields.PATH), d.get(DocFields.HASH));
            }
        }
        return held;
    }

    @Override
    public boolean syncDue(String collection, int refreshSeconds) {
        synchronized (synced) {
            java.time.Instant last = synced.get(collection);
            return last == null || last.plusSeconds(refreshSeconds).isBefore(java.time.Instant.now());
        }
    }

    @Override
    public Synced replaceAll(String collection, List<DocFile> documents) {
        Synced done = write(collection, w -> {
            Map<String, String> held = held(w);
            int indexed = 0;
            int unchanged = 0;
            int removed = 0;
            java.util.Set<String> present = new java.util.HashSet<>();
            for (DocFile doc : documents) {
                present.add(doc.path());
                if (doc.contentHash().equals(held.get(doc.path()))) {
                    unchanged++;
                    continue;
                }
                w.updateDocuments(new Term(DocFields.PATH, doc.path()), sections(doc));
                indexed++;
            }
            for (String path : held.keySet()) {
                if (!present.contains(path)) {
                    w.deleteDocuments(new Term(DocFields.PATH, path));
                    removed++;
                }
            }
            w.commit();
            return new Synced(indexed, unchanged, removed);
        });
        synchronized (synced) {
            synced.put(collection, java.time.Instant.now());
        }
        return done;
    }

    /** How many documents (not sections) a collection holds. */
    public long documents(String collection) {
        return read(collection, s -> s == null ? 0L : DocSearch.distinctPaths(s));
    }

    @Override
    public Result search(AssetDoc source, DocumentPort.Query query, int timeoutSeconds) {
        String collection = collectionOf(source);
        return read(collection, s -> {
            if (s == null) {
                return new Result(collection, List.of(), 0); // nothing was ever imported into it
            }
            List<Passage> found = new DocSearch(analysis, thesaurus(source), s, collection).run(query, timeoutSeconds);
            return new Result(collection, found, found.isEmpty() ? DocSearch.distinctPaths(s) : -1);
        });
    }

    private interface Read<T> {
        T apply(IndexSearcher searcherOrNull) throws IOException;
    }

    /** Runs a read on the collection's current searcher (refreshed: another executor may have imported). */
    private <T> T read(String collection, Read<T> body) {
        Collection c = collection(collection);
        try {
            SearcherManager m;
            synchronized (c) {
                if (c.searchers == null) {
                    if (!DirectoryReader.indexExists(c.dir)) {
                        return body.apply(null);
                    }
                    c.searchers = new SearcherManager(c.dir, null);
                }
                m = c.searchers;
            }
            m.maybeRefresh();
            IndexSearcher s = m.acquire();
            try {
                return body.apply(s);
            } finally {
                m.release(s);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OpsException ops) {
                throw ops;
            }
            throw unreadable(collection, e);
        }
    }

    /** The thesaurus of a Source's search.synonyms (null without one), built once per rule list (the last few kept). */
    private Thesaurus thesaurus(AssetDoc source) {
        List<String> rules = SourceAsset.of(source).search().synonyms();
        if (rules.isEmpty()) {
            return null;
        }
        synchronized (thesauri) {
            Thesaurus t = thesauri.get(rules);
            if (t == null) {
                t = Thesaurus.of(analysis, rules.subList(0, Math.min(rules.size(), SourceAsset.Search.MAX_SYNONYM_RULES)));
                if (t.skipped() > 0) {
                    log.info("source {}: {} thesaurus words left out (nothing left of them, or a stop word inside)",
                            source.name(), t.skipped());
                }
                thesauri.put(rules, t);
            }
            return t;
        }
    }

    /** A documents Source's health: whether its collection's index opens, and how many documents it holds. */
    public dev.opsuite.executor.domain.SourceCheck check(AssetDoc source) {
        long start = System.nanoTime();
        try {
            String collection = collectionOf(source);
            long n = documents(collection);
            return new dev.opsuite.executor.domain.SourceCheck(true, true, (int) ((System.nanoTime() - start) / 1_000_000),
                    "collection '" + collection + "': " + n + " documents");
        } catch (OpsException e) {
            return new dev.opsuite.executor.domain.SourceCheck(false, true, 0, e.getMessage());
        }
    }

    /** A document's sections as Lucene documents; the first also carries the whole text and the count marker. */
    private static List<Document> sections(DocFile doc) {
        List<Document> sections = new ArrayList<>();
        for (DocSection section : doc.sections()) {
            Document d = document(doc, section);
            if (sections.isEmpty()) {
                d.add(new StringField(DocFields.FIRST, "1", Field.Store.NO)); // counts the document once
                String all = doc.title() + "\n" + String.join("\n", doc.sections().stream()
                        .map(x -> x.heading() + "\n" + x.text()).toList());
                d.add(new TextField(DocAnalysis.ALL_KO, all, Field.Store.NO));
                d.add(new TextField(DocAnalysis.ALL_EN, all, Field.Store.NO));
            }
            sections.add(d);
        }
        return sections;
    }

    private static Document document(DocFile doc, DocSection section) {
        Document d = new Document();
        d.add(new StringField(DocFields.PATH, doc.path(), Field.Store.YES));
        d.add(new StringField(DocFields.HASH, doc.contentHash(), Field.Store.YES));
        d.add(new StoredField(DocFields.TITLE, doc.title()));
        d.add(new StoredField(DocFields.SECTION, section.trail()));
        d.add(new StoredField(DocFields.LINE, section.line()));
        d.add(new StoredField(DocFields.TEXT, section.text()));
        d.add(new StringField(DocFields.KIND, doc.kind(), Field.Store.YES));
        d.add(new StringField(DocFields.LANG, doc.lang(), Field.Store.YES));
        doc.tags().forEach(t -> d.add(new StringField(DocFields.TAG, t.toLowerCase(Locale.ROOT), Field.Store.NO)));
        doc.cis().forEach(ci -> {
            d.add(new StringField(DocFields.CI, ci.toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new StoredField(DocFields.CI_SHOWN, ci));
        });
        doc.ciTypes().forEach(t -> d.add(new StringField(DocFields.CI_TYPE, t.toLowerCase(Locale.ROOT), Field.Store.NO)));
        if (!doc.alert().isEmpty()) {
            d.add(new StringField(DocFields.ALERT, doc.alert().toLowerCase(Locale.ROOT), Field.Store.YES));
        }
        String headings = doc.title() + "\n" + section.trail() + (doc.alert().isEmpty() ? "" : "\n" + doc.alert());
        d.add(new TextField(DocAnalysis.TITLE_KO, headings, Field.Store.NO));
        d.add(new TextField(DocAnalysis.TITLE_EN, headings, Field.Store.NO));
        d.add(new TextField(DocAnalysis.BODY_KO, section.text(), Field.Store.NO));
        d.add(new TextField(DocAnalysis.BODY_EN, section.text(), Field.Store.NO));
        return d;
    }

    private synchronized Collection collection(String name) {
        if (closed) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "the document index is closed");
        }
        if (root.isEmpty()) {
            throw new OpsException(ErrorCode.FAILED_PRECONDITION,
                    "this executor keeps no document index (OPS_DOCS_DIR is not set)");
        }
        if (!COLLECTION.matcher(name).matches()) {
            throw OpsException.invalid("'" + name + "' is no collection name (lower-case letters, digits, '_' and '-')");
        }
        Collection c = open.get(name);
        if (c != null) {
            return c;
        }
        if (open.size() >= MAX_COLLECTIONS) {
            throw new OpsException(ErrorCode.TOO_MANY_REQUESTS, "at most " + MAX_COLLECTIONS + " document collections");
        }
        try {
            Path dir = root.get().resolve(name);
            Files.createDirectories(dir);
            c = new Collection(FSDirectory.open(dir));
            open.put(name, c);
            return c;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static OpsException unreadable(String collection, Exception e) {
        log.warn("document collection {}: {}", collection, e.toString());
        return new OpsException(ErrorCode.UNAVAILABLE, "the document index of collection '" + collection
                + "' cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Map.Entry<String, Collection> e : open.entrySet()) {
            try {
                synchronized (e.getValue()) {
                    if (e.getValue().searchers != null) {
                        e.getValue().searchers.close();
                    }
                    e.getValue().dir.close();
                }
            } catch (IOException | RuntimeException ex) {
                log.warn("closing document collection {}: {}", e.getKey(), ex.toString());
            }
        }
        open.clear();
        synchronized (thesauri) {
            thesauri.values().forEach(Thesaurus::close);
            thesauri.clear();
        }
        analysis.close();
    }
}
