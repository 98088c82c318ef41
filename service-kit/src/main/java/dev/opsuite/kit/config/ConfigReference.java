package dev.opsuite.kit.config;

import java.util.List;

/**
 * The configuration reference (docs/reference/configuration.md) as Markdown, generated from
 * {@link ConfigCatalog}: an introduction, then per section a table of variable, used by, default and
 * meaning, in the catalog's order. The same catalog gives the same text, byte for byte.
 */
public final class ConfigReference {
    /** Where the reference lives, relative to the repository root. */
    public static final String PATH = "docs/reference/configuration.md";
    /** What regenerates it. */
    public static final String REGENERATE = "./ops docs";
    /** The Maven run {@link #REGENERATE} stands for. */
    public static final String REGENERATE_MAVEN = "mvn -q -pl service-kit -am test -Dtest=ConfigReferenceDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dops.docs.write=true";

    private ConfigReference() {}

    /** The whole reference. */
    public static String markdown() {
        return markdown(ConfigCatalog.all());
    }

    static String markdown(List<ConfigVar> variables) {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n");
        out.append("Generated from the catalog in service-kit (`").append(ConfigCatalog.class.getName())
                .append("`) — do not edit by hand; regenerate with `").append(REGENERATE).append("` (`")
                .append(REGENERATE_MAVEN).append("`).\n\n");
        out.append("Every setting is an environment variable; unset and blank are the same. *Used by* names the"
                + " processes and commands that read it. The gateway and the stage services (planner-, executor-"
                + " and trace-service) read theirs wherever they run, apart (each from its own main class) or"
                + " together in the all-in-one (`./ops up`), unless the entry says *run apart*; the all-in-one"
                + " sets some of them itself, as the default column notes. Tests run with the system property"
                + " `" + Env.STRICT_PROPERTY + "=true`: reading a variable that is not declared here fails.\n");
        for (ConfigSection section : ConfigSection.values()) {
            List<ConfigVar> rows = variables.stream().filter(v -> v.section() == section).toList();
            if (rows.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(section.title()).append("\n\n");
            out.append("| variable | used by | default | meaning |\n|---|---|---|---|\n");
            for (ConfigVar v : rows) {
                out.append("| `").append(cell(v.displayName())).append("` | ").append(cell(v.usedBy()))
                        .append(" | ").append(cell(v.fallback().text())).append(" | ").append(cell(v.meaning()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** A table cell: a '|' of the text must not end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
