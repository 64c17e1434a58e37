package cn.bureau.subsidy.benchmark;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a workload asked of PostgreSQL, from the database's own counters ({@code pg_stat_database}): commits and rows
 * written and read, to be divided by the cases it handled. Backends report their counters about once a second, so
 * a reading waits for that first.
 */
record DatabaseWork(double commits, double inserted, double updated, double deleted, double fetched) {

    static DatabaseWork read(JdbcTemplate jdbc) {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return jdbc.queryForObject("""
                select xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched
                from pg_stat_database where datname = current_database()""",
                (rs, row) -> new DatabaseWork(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5)));
    }

    DatabaseWork since(DatabaseWork before, long cases) {
        return new DatabaseWork((commits - before.commits) / cases, (inserted - before.inserted) / cases,
                (updated - before.updated) / cases, (deleted - before.deleted) / cases,
                (fetched - before.fetched) / cases);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f commits, %.0f rows inserted, %.0f updated, %.0f deleted, %.0f fetched",
                commits, inserted, updated, deleted, fetched);
    }
}
