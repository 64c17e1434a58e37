package cn.bureau.subsidy.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's size by part, from {@code pg_total_relation_size} (table, TOAST and indexes) of every table: the
 * engine's runtime tables, its history (with the byte arrays variables and history keep), and the application's own.
 */
final class Storage {

    record Sizes(double runtime, double history, double application) {

        double total() {
            return runtime + history + application;
        }

        Sizes minus(Sizes other) {
            return new Sizes(runtime - other.runtime, history - other.history, application - other.application);
        }

        Sizes per(int cases) {
            return new Sizes(runtime / cases, history / cases, application / cases);
        }
    }

    private final JdbcTemplate jdbc;

    Storage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Sizes sizes() {
        return jdbc.queryForObject("""
                select coalesce(sum(size) filter (where part = 'runtime'), 0),
                       coalesce(sum(size) filter (where part = 'history'), 0),
                       coalesce(sum(size) filter (where part = 'application'), 0)
                from (select pg_total_relation_size(c.oid) as size,
                             case when c.relname like 'act\\_ru\\_%' then 'runtime'
                                  when c.relname like 'act\\_hi\\_%' or c.relname = 'act_ge_bytearray' then 'history'
                                  when c.relname like 'act\\_%' then 'engine'
                                  else 'application' end as part
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace
                      where c.relkind = 'r' and n.nspname = current_schema()) t""",
                (rs, row) -> new Sizes(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)));
    }
}
