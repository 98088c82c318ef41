package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Optional;

/**
 * The Query asset, typed: the templates the product may run ({@link QueryTemplate}) and the bindings
 * that choose them for a plan ({@link QueryBinding}), with the defaults the readers apply declared in
 * those records once (trace-service {@code QueryFields} shows them). Anything parses: an absent
 * member, or one of the wrong kind, reads as its default; an element of {@code queries} or
 * {@code bindings} that is no object is left out.
 */
public record QueryAsset(List<QueryTemplate> queries, List<QueryBinding> bindings) {
    /** The Query of a request that applies none: no template, no binding. */
    public static final QueryAsset EMPTY = from(MissingNode.getInstance());

    public QueryAsset {
        queries = List.copyOf(queries);
        bindings = List.copyOf(bindings);
    }

    /** The first template of this name. */
    public Optional<QueryTemplate> template(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The templates of the bindings serving this need of the product ({@code when.needs}), in order. */
    public List<String> serving(String need) {
        return bindings.stream().filter(b -> b.when().serves(need)).map(QueryBinding::query).toList();
    }

    /** The template of the first binding serving this need, when that binding names one that exists. */
    public Optional<QueryTemplate> servingTemplate(String need) {
        return bindings.stream().filter(b -> b.when().serves(need)).findFirst().flatMap(b -> template(b.query()));
    }

    /** Parses a Query content (null or missing: {@link #EMPTY}); unknown members are ignored. */
    public static QueryAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        return new QueryAsset(Read.objects(c.path("queries")).stream().map(QueryTemplate::from).toList(),
                Read.objects(c.path("bindings")).stream().map(QueryBinding::from).toList());
    }

    /** The typed content of an applied Query (none, or no content: {@link #EMPTY}), parsed once per content. */
    public static QueryAsset of(AssetDoc query) {
        if (query == null || query.content() == null || query.content().isMissingNode()) {
            return EMPTY;
        }
        return ParsedAssets.parsed(query.content(), QueryAsset.class, QueryAsset::from);
    }
}
