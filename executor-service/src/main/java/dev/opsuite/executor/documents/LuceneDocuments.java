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
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document collections of this executor: one Lucene index (BM25) per collection under the
 * index root ({@code OPS_DOCS_DIR}, the data directory's {@code documents/} in the all-in-one), one
 * Lucene document per section. Import is incremental and idempotent: a document is replaced whole
 * when its content hash changed and left alone when it did not. Searches read a near-real-time
 * searcher; the question's words are analysed into terms, never parsed as query syntax.
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
    private boolean closed;

    private record Collection(Directory dir, IndexWriter writer, SearcherManager searchers) {}

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
        Collection c = collection(collection);
        try {
            IndexSearcher s = c.searchers().acquire();
            try {
                TopDocs same = s.search(new TermQuery(new Term(DocFields.PATH, doc.path())), 1);
                if (same.totalHits.value > 0
                        && doc.contentHash().equals(s.storedFields().document(same.scoreDocs[0].doc).get(DocFields.HASH))) {
                    return new Imported(collection, doc.path(), doc.sections().size(), false);
                }
            } finally {
                c.searchers().release(s);
            }
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
            c.writer().updateDocuments(new Term(DocFields.PATH, doc.path()), sections);
            c.writer().commit();
            c.searchers().maybeRefreshBlocking();
            return new Imported(collection, doc.path(), doc.sections().size(), true);
        } catch (IOException e) {
            throw unreadable(collection, e);
        }
    }

    /** How many documents (not sections) a collection holds. */
    public long documents(String collection) {
        Collection c = collection(collection);
        try {
            IndexSearcher s = c.searchers().acquire();
            try {
                return DocSearch.distinctPaths(s);
            } finally {
                c.searchers().release(s);
            }
        } catch (IOException e) {
            throw unreadable(collection, e);
        }
    }

    @Override
    public Result search(AssetDoc source, DocumentPort.Query query, int timeoutSeconds) {
        String collection = collectionOf(source);
        Collection c = collection(collection);
        try {
            IndexSearcher s = c.searchers().acquire();
            try {
                List<Passage> found = new DocSearch(analysis, s, collection).run(query, timeoutSeconds);
                return new Result(collection, found, found.isEmpty() ? DocSearch.distinctPaths(s) : -1);
            } finally {
                c.searchers().release(s);
            }
        } catch (IOException e) {
            throw unreadable(collection, e);
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
            Directory d = FSDirectory.open(dir);
            IndexWriterConfig cfg = new IndexWriterConfig(analysis.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter w;
            try {
                w = new IndexWriter(d, cfg);
            } catch (IOException | RuntimeException e) {
                d.close();
                throw e;
            }
            c = new Collection(d, w, new SearcherManager(w, null));
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
                e.getValue().searchers().close();
                e.getValue().writer().close();
                e.getValue().dir().close();
            } catch (IOException | RuntimeException ex) {
                log.warn("closing document collection {}: {}", e.getKey(), ex.toString());
            }
        }
        open.clear();
        analysis.close();
    }
}
