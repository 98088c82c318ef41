package dev.opsuite.trace.domain.validation;

import dev.opsuite.model.AssetType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the asset reference (docs/reference/assets.md) from the asset model the validator uses:
 * per asset type what it is for, which stages read it, and a table of every field. The output
 * depends on the model only (declaration order), so it is the same on every run.
 */
public final class AssetReference {
    /** The file, from the repository root. */
    public static final String FILE = "docs/reference/assets.md";

    private AssetReference() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Asset reference\n\n");
        md.append("Generated from the typed asset model the asset validator uses (trace-service, package "
                + "`dev.opsuite.trace.domain.validation`, `AssetModel`); do not edit it by hand. To regenerate: "
                + "`./ops docs`, i.e. `mvn -o -q -pl trace-service -am test -Dtest=AssetReferenceDocTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dops.docs.write=true`. The test fails while this file "
                + "differs from the model.\n\n");
        md.append("Each asset is a JSON object, versioned in the asset registry; the shipped defaults are in "
                + "`assets/defaults/<type>/<name>.json`, and `assets/defaults/defaults.json` (asset type → name) "
                + "says which of them is applied. On save, every field below that is present is checked against "
                + "its kind, bounds and required members, values marked \"one of\" are the only ones accepted, and "
                + "the rules of the type are checked (duplicate names, cross references, data scopes, secrets…). "
                + "Members not listed here are allowed and ignored.\n\n");
        md.append("- **Field**: `a.b` is member `b` of object `a`; `a[]` is each element of array `a`; `<key>` is "
                + "any key the author chooses.\n");
        md.append("- **Kind**: string, integer (a whole number), number, boolean, object, any (any JSON value), "
                + "text (a string, or an object of language code → string such as `{\"ko\": \"…\", \"en\": "
                + "\"…\"}`: the question's language is used, else `en`), array of X, map of X (an object whose "
                + "keys the author chooses, every value an X), X or Y.\n");
        md.append("- **Required**: must be present whenever the object holding it is.\n");
        md.append("- **Default**: what the readers use when the field is absent (— when nothing).\n");
        md.append("- **Values**: \"one of\" — the only values accepted on save; other listed values — those the "
                + "readers act on; \"keys\" — the keys the readers look up; bounds.\n\n");
        for (AssetType t : AssetType.values()) {
            md.append("- [").append(t.wireName()).append("](#").append(t.wireName()).append(")\n");
        }
        for (AssetType t : AssetType.values()) {
            type(md, AssetModel.spec(t));
        }
        return md.toString();
    }

    private static void type(StringBuilder md, AssetSpec spec) {
        md.append("\n## ").append(spec.type().wireName()).append("\n\n");
        md.append(spec.purpose()).append("\n\n");
        md.append("Read by: ").append(spec.readers()).append("\n");
        for (AssetSpec.Group g : spec.groups()) {
            if (spec.groups().size() > 1) {
                md.append("\n### ").append(g.title()).append("\n");
            }
            md.append("\n| Field | Kind | Required | Default | Values | Meaning |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (Field f : g.fields()) {
                md.append("| ").append(cell("`" + f.path() + "`"))
                        .append(" | ").append(cell(f.kind().describe()))
                        .append(" | ").append(f.isRequired() ? "yes" : "no")
                        .append(" | ").append(cell(f.byDefault()))
                        .append(" | ").append(cell(values(f)))
                        .append(" | ").append(cell(f.meaning()))
                        .append(" |\n");
            }
        }
    }

    private static String values(Field f) {
        List<String> parts = new ArrayList<>();
        if (!f.values().isEmpty()) {
            parts.add((f.enforced() ? "one of " : "") + codes(f.values()));
        }
        if (!f.keys().isEmpty()) {
            parts.add("keys: " + codes(f.keys()));
        }
        parts.addAll(f.constraints());
        return parts.isEmpty() ? Field.NONE : String.join("; ", parts);
    }

    /** Values as code, except words about them ("role names"), which are written as they are. */
    private static String codes(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String i : items) {
            out.add(i.contains(" ") || i.contains("`") ? i : "`" + i + "`");
        }
        return String.join(", ", out);
    }

    /** A table cell: one line, its pipes escaped. */
    private static String cell(String text) {
        return text.replace("\n", " ").replace("|", "\\|");
    }
}
