package dev.opsuite.executor.redis;

import dev.opsuite.executor.domain.SqlPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replies of the collection commands as tables in their own columns. */
final class RedisReplies {
    private RedisReplies() {}

    /** ZRANGE-family replies: member (and score, with WITHSCORES) per element, in the server's order. */
    static SqlPort.Tabular members(List<Object> flat, boolean withScores) {
        List<List<Object>> rows = new ArrayList<>();
        int step = withScores ? 2 : 1;
        for (int i = 0; i + step - 1 < flat.size(); i += step) {
            List<Object> row = new ArrayList<>();
            row.add(RedisReader.capped(flat.get(i)));
            if (withScores) {
                row.add(score(RedisReader.text(flat.get(i + 1))));
            }
            rows.add(row);
        }
        return new SqlPort.Tabular(withScores ? List.of("member", "score") : List.of("member"), rows, false);
    }

    /** XRANGE/XREVRANGE: the entry id and a column per field (the union of the entries' fields, in first-seen order). */
    static SqlPort.Tabular stream(Object reply) {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Object e : RedisReader.list(reply)) {
            List<Object> entry = RedisReader.list(e);
            ids.add(RedisReader.text(entry.get(0)));
            List<Object> kv = RedisReader.list(entry.get(1));
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                String f = RedisReader.text(kv.get(i));
                m.put(f, RedisReader.capped(kv.get(i + 1)));
                if (!fields.contains(f)) {
                    fields.add(f);
                }
            }
            entries.add(m);
        }
        List<String> columns = new ArrayList<>(List.of("id"));
        columns.addAll(fields);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(ids.get(i));
            for (String f : fields) {
                row.add(entries.get(i).get(f));
            }
            rows.add(row);
        }
        return new SqlPort.Tabular(columns, rows, false);
    }

    /** TS.GET / TS.RANGE: [timestamp ms, value] pairs as rows (ts, value); an empty series is no rows. */
    static SqlPort.Tabular timeSeries(List<Object> samples) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object s : samples) {
            List<Object> pair = RedisReader.list(s);
            if (pair.size() == 2) {
                rows.add(List.of(RedisReader.toLong(pair.get(0)), score(RedisReader.text(pair.get(1)))));
            }
        }
        return new SqlPort.Tabular(List.of("ts", "value"), rows, false);
    }

    private static Object score(String s) {
        try {
            double d = Double.parseDouble(s);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        } catch (NumberFormatException e) {
            return s; // "inf", "-inf"
        }
    }
}
