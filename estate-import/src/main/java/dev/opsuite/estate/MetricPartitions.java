package dev.opsuite.estate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time partitions of ci_metric: one per UTC month ({@code ci_metric_y2026m11}, the default) or per UTC
 * day ({@code ci_metric_y2026m11d30}, OPS_METRIC_PARTITIONS=day, for estates whose retention should drop
 * whole days). The importer creates the partitions a metrics file needs; names are built from numbers
 * only, and a partition's range is read back from its name. The two kinds never overlap: a month that
 * already has its month partition keeps it, a month that already has day partitions goes on by days, so
 * switching the setting affects only months not yet stored.
 */
final class MetricPartitions {
    /** More new partitions than this for one file refuse it (a file spanning decades by mistake). */
    static final int MAX_NEW_PER_FILE = 4_000;

    private static final Pattern NAME = Pattern.compile("ci_metric_y(\\d{4})m(\\d{2})(?:d(\\d{2}))?");

    /** How ci_metric is cut: by UTC month or by UTC day. */
    enum Unit {
        MONTH, DAY;

        /** "month" or "day" (any case); anything else is refused naming the variable. */
        static Unit parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "month" -> MONTH;
                case "day" -> DAY;
                default -> throw new IllegalArgumentException(
                        "OPS_METRIC_PARTITIONS must be month or day, not '" + value + "'");
            };
        }
    }

    /** A partition's time range, [from, to). */
    record Range(String name, Instant from, Instant to) {}

    private MetricPartitions() {}

    static String monthName(YearMonth m) {
        return String.format("ci_metric_y%04dm%02d", m.getYear(), m.getMonthValue());
    }

    static String dayName(LocalDate d) {
        return String.format("ci_metric_y%04dm%02dd%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** The range a partition of ours covers, read from its name; empty for a name we did not make. */
    static Optional<Range> range(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (m.group(3) == null) {
            return Optional.of(new Range(name, start(month.atDay(1)), start(month.plusMonths(1).atDay(1))));
        }
        LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
        return Optional.of(new Range(name, start(day), start(day.plusDays(1))));
    }

    /** The partitions ci_metric has now, by name. */
    static List<String> existing(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT child.relname FROM pg_inherits i JOIN pg_class child ON child.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'ci_metric'::regclass ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The DDL that gives every day of {@code days} a partition, in the unit asked where the month allows. */
    static List<String> create(Set<LocalDate> days, Unit unit, List<String> existing) {
        Set<String> have = new HashSet<>(existing);
        Set<YearMonth> byDays = new HashSet<>();
        for (String n : existing) {
            range(n).filter(r -> n.length() > "ci_metric_y0000m00".length())
                    .ifPresent(r -> byDays.add(YearMonth.from(r.from().atOffset(ZoneOffset.UTC))));
        }
        Set<String> ddl = new LinkedHashSet<>();
        for (LocalDate d : days) {
            YearMonth m = YearMonth.from(d);
            if (have.contains(monthName(m))) {
                continue;
            }
            if (unit == Unit.MONTH && !byDays.contains(m)) {
                ddl.add(partition(monthName(m), d.withDayOfMonth(1), m.plusMonths(1).atDay(1)));
            } else if (!have.contains(dayName(d))) {
                ddl.add(partition(dayName(d), d, d.plusDays(1)));
            }
        }
        return new ArrayList<>(ddl);
    }

    private static String partition(String name, LocalDate from, LocalDate to) {
        return "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF ci_metric FOR VALUES FROM ('" + from
                + " 00:00:00+00') TO ('" + to + " 00:00:00+00')";
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
