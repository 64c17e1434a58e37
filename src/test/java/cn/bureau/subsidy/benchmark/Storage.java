package cn.bureau.subsidy.benchmark;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's size by table, from {@code pg_total_relation_size} (table, TOAST and indexes): the engine's runtime
 * tables, its history (with the byte arrays variables and history keep), and the application's own.
 *
 * <p>A table grows by every row version written, and PostgreSQL gives the space of deleted and updated rows back to
 * the table for reuse, never to the disk: right after a burst the sizes hold rows that autovacuum has yet to reclaim.
 * {@link #live()} therefore compacts every table first ({@code VACUUM FULL}) and measures what the cases keep.
 */
final class Storage {

    record Sizes(Map<String, Double> byTable) {

        double runtime() {
            return sum("runtime");
        }

        double history() {
            return sum("history");
        }

        double application() {
            return sum("application");
        }

        double total() {
            return byTable.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        Sizes minus(Sizes other) {
            Map<String, Double> difference = new HashMap<>(byTable);
            other.byTable.forEach((table, size) -> difference.merge(table, -size, Double::sum));
            return new Sizes(difference);
        }

        Sizes per(int cases) {
            return new Sizes(byTable.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue() / cases)));
        }

        /** The tables that take the most, largest first. */
        Map<String, Double> largest(int count) {
            return byTable.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                    .limit(count)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                            LinkedHashMap::new));
        }

        private double sum(String part) {
            return byTable.entrySet().stream().filter(entry -> part.equals(part(entry.getKey())))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        private static String part(String table) {
            if (table.startsWith("act_ru_")) {
                return "runtime";
            }
            if (table.startsWith("act_hi_") || table.equals("act_ge_bytearray")) {
                return "history";
            }
            return table.startsWith("act_") ? "engine" : "application";
        }
    }

    private final JdbcTemplate jdbc;

    Storage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the tables hold now, dead row versions included. */
    Sizes asWritten() {
        Map<String, Double> sizes = new HashMap<>();
        jdbc.query("""
                select c.relname, pg_total_relation_size(c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname = current_schema()""",
                rs -> {
                    sizes.put(rs.getString(1).toLowerCase(), rs.getDouble(2));
                });
        return new Sizes(sizes);
    }

    /** What the live rows take once every table is compacted. */
    Sizes live() {
        jdbc.execute("VACUUM FULL");
        return asWritten();
    }
}
