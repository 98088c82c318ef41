package dev.opsuite.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetType;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `./ops assets list|show|diff|draft|publish`: the asset registry through the gateway's REST API
 * (GET /ops/assets, GET /ops/assets/{type}/{name}, …/diff, POST /ops/assets/{type}/{name}, …/publish),
 * with OPS_API_KEY or the data directory's admin key. {@code show} prints the content alone on stdout
 * (its version line on stderr), so that {@code show > f.json}, an edit and {@code draft … f.json} make a
 * draft. Reading needs an operator, saving and publishing an asset_admin. {@code --json} prints the response as sent. Exit 0 done; 1 refused (HTTP status and the
 * gateway's message, e.g. a draft that does not validate or a publish the gate stops); 2 usage (an
 * unknown asset type or command); 3 nothing answers on the port; 4 the JSON file is missing or malformed.
 */
public final class AssetsCli {
    static final int REFUSED = CliApi.REFUSED;
    static final int USAGE = 2;
    static final int NOT_RUNNING = CliApi.NOT_RUNNING;
    static final int BAD_FILE = 4;
    private static final String NAME = "[A-Za-z0-9_.-]{1,100}";

    private AssetsCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system(), new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] argv, Env env, PrintStream out, PrintStream err) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean json = args.remove("--json");
        String overrideReason = option(args, "--override-reason");
        String status = option(args, "--status");
        if (args.isEmpty()) {
            return usage(err);
        }
        String cmd = args.remove(0);
        if (args.stream().anyMatch(a -> a.startsWith("--"))) {
            return usage(err);
        }
        if (!args.isEmpty() && AssetType.parse(args.get(0)).isEmpty()) {
            err.println("unknown asset type '" + args.get(0) + "': one of " + AssetType.ALL_NAMES);
            return USAGE;
        }
        if (args.size() >= 2 && !args.get(1).matches(NAME)) {
            err.println("bad asset name '" + args.get(1) + "': 1-100 characters of A-Z a-z 0-9 _ . -");
            return USAGE;
        }
        CliApi api = new CliApi(env, err, Duration.ofMinutes(5));
        CliApi.Reply r;
        switch (cmd) {
            case "list" -> {
                if (args.size() > 1) {
                    return usage(err);
                }
                StringBuilder q = new StringBuilder();
                if (!args.isEmpty()) {
                    q.append("asset_type=").append(args.get(0));
                }
                if (status != null) {
                    q.append(q.length() == 0 ? "" : "&").append("status=").append(enc(status));
                }
                r = api.get("/ops/assets" + (q.length() == 0 ? "" : "?" + q));
                if (r.ok() && !json) {
                    for (JsonNode a : r.data().path("assets")) {
                        out.printf("%-9s %-32s v%-4d %-10s %s%n", a.path("asset_type").asText(), a.path("name").asText(),
                                a.path("version").asInt(), a.path("status").asText(), a.path("created_at").asText());
                    }
                }
            }
            case "show" -> {
                if (args.size() < 2 || args.size() > 3 || (args.size() == 3 && !isVersion(args.get(2)))) {
                    return usage(err);
                }
                r = api.get(path(args) + (args.size() == 3 ? "?version=" + args.get(2) : ""));
                if (r.ok() && !json) {
                    JsonNode a = r.data();
                    // the version line on stderr: stdout is the content alone, to edit and save as a draft
                    err.printf("%s/%s v%d %s%s%n", a.path("asset_type").asText(), a.path("name").asText(),
                            a.path("version").asInt(), a.path("status").asText(),
                            a.path("created_by").asText().isEmpty() ? "" : " by " + a.path("created_by").asText());
                    out.println(pretty(a.path("content")));
                }
            }
            case "diff" -> {
                if (args.size() != 4 || !isVersion(args.get(2)) || !isVersion(args.get(3))) {
                    return usage(err);
                }
                r = api.get(path(args) + "/diff?from_version=" + args.get(2) + "&to_version=" + args.get(3));
                if (r.ok() && !json) {
                    JsonNode changes = r.data().path("changes");
                    for (JsonNode c : changes) {
                        out.printf("%-8s %s%s%s%n", c.path("op").asText(), c.path("path").asText(),
                                c.has("before") ? "  - " + compact(c.path("before")) : "",
                                c.has("after") ? "  + " + compact(c.path("after")) : "");
                    }
                    out.printf("%d change%s from v%s to v%s%n", changes.size(), changes.size() == 1 ? "" : "s",
                            args.get(2), args.get(3));
                }
            }
            case "draft" -> {
                if (args.size() != 3) {
                    return usage(err);
                }
                Path file = Path.of(args.get(2));
                JsonNode content;
                try {
                    content = ModelJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                } catch (JsonProcessingException e) {
                    err.printf("%s is not JSON: %s at line %d, column %d%n", file,
                            e.getOriginalMessage().lines().findFirst().orElse("malformed"),
                            e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
                    return BAD_FILE;
                } catch (IOException e) {
                    err.println("cannot read " + file + (Files.exists(file) ? "" : ": no such file"));
                    return BAD_FILE;
                }
                if (content == null || !content.isObject()) {
                    err.println(file + " must hold one JSON object: the asset's content");
                    return BAD_FILE;
                }
                r = api.post(path(args), ModelJson.MAPPER.createObjectNode().set("content", content).toString());
                if (r.ok() && !json) {
                    JsonNode a = r.data().has("asset") ? r.data().path("asset") : r.data();
                    out.printf("saved %s/%s v%d (%s)%n", a.path("asset_type").asText(), a.path("name").asText(),
                            a.path("version").asInt(), a.path("status").asText());
                    out.printf("publish it: ./ops assets publish %s %s %d%n", a.path("asset_type").asText(),
                            a.path("name").asText(), a.path("version").asInt());
                }
            }
            case "publish" -> {
                if (args.size() != 3 || !isVersion(args.get(2))) {
                    return usage(err);
                }
                var body = ModelJson.MAPPER.createObjectNode().put("version", Integer.parseInt(args.get(2)));
                if (overrideReason != null) {
                    body.put("override_reason", overrideReason);
                }
                r = api.post(path(args) + "/publish", body.toString());
                if (!r.ok() && r.envelope() != null) {
                    gate(r.envelope().path("data").path("gate"), err);
                }
                if (r.ok() && !json) {
                    JsonNode a = r.data().path("asset");
                    out.printf("published %s/%s v%d%s%n", a.path("asset_type").asText(), a.path("name").asText(),
                            a.path("version").asInt(), r.data().path("archived_version").asInt() > 0
                                    ? " (v" + r.data().path("archived_version").asInt() + " archived)" : "");
                    gate(r.data().path("gate"), out);
                }
            }
            default -> {
                return usage(err);
            }
        }
        if (r.ok() && json) {
            out.println(r.raw());
        }
        return r.exit();
    }

    /** The publish gate's report: its judgment and summary, then a line per golden query it ran. */
    private static void gate(JsonNode g, PrintStream to) {
        if (g.isMissingNode() || g.path("judgment").asText().isEmpty()) {
            return;
        }
        to.printf("gate: %s — %s%n", g.path("judgment").asText(), g.path("summary").asText());
        for (JsonNode run : g.path("runs")) {
            to.printf("  %-8s %s  %s%n", run.path("judgment").asText(), run.path("query_id").asText(),
                    run.path("verdict_reason").asText());
        }
    }

    private static String option(List<String> args, String flag) {
        int i = args.indexOf(flag);
        if (i < 0 || i + 1 >= args.size()) {
            return null;
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    private static boolean isVersion(String s) {
        return s.matches("[1-9][0-9]{0,8}");
    }

    private static String path(List<String> args) {
        return "/ops/assets/" + args.get(0) + "/" + args.get(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pretty(JsonNode n) {
        try {
            return ModelJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }

    private static String compact(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    static int usage(PrintStream err) {
        err.println("usage: ./ops assets list [TYPE] [--status S] | show TYPE NAME [VERSION] | diff TYPE NAME FROM TO"
                + " | draft TYPE NAME FILE.json | publish TYPE NAME VERSION [--override-reason TEXT]   (--json: as sent)");
        return USAGE;
    }
}
