package cn.bureau.subsidy.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What PostgreSQL allows on this machine, measured with plain JDBC from the same JVM at the same concurrency: a
 * filing's inherent rows (the application, its claims, the case, its first task, one audit row) in one durable
 * transaction, and single-row inserts for context. The case and its task go to two plain tables of the same shape an
 * engine would need at the least; they are dropped afterwards.
 */
final class RawLimit {

    private final String url;
    private final String user;

    RawLimit(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Filings a second: {@code claims} claims each, on {@code clients} connections. */
    Figures filings(int clients, int filings, int claims, UUID programId) throws SQLException {
        execute("""
                create table raw_case (id varchar(64) primary key, application_id uuid not null, business_key
                    varchar(80) not null, definition_id varchar(64) not null, stage varchar(40) not null,
                    started_at timestamp with time zone not null);
                create table raw_task (id varchar(64) primary key, case_id varchar(64) not null references raw_case,
                    task_key varchar(255) not null, candidate_group varchar(64) not null,
                    due_at timestamp with time zone not null, created_at timestamp with time zone not null);
                create index raw_task_case on raw_task (case_id);
                create index raw_task_due on raw_task (due_at)""");
        try (var perThread = new PerThread<>(FilingStatements::new) {
            @Override
            void run(FilingStatements statements, int index) throws SQLException {
                statements.file(programId, index, claims);
            }
        }) {
            perThread.open(clients);
            return Figures.run(clients, filings, perThread);
        } finally {
            execute("drop table raw_task; drop table raw_case");
        }
    }

    /** Durable single-row inserts a second (autocommit), on {@code clients} connections. */
    Figures singleRowInserts(int clients, int rows) throws SQLException {
        execute("create table raw_row (id bigint generated always as identity primary key, value integer not null)");
        try (var perThread = new PerThread<>(
                connection -> connection.prepareStatement("insert into raw_row (value) values (?)")) {
            @Override
            void run(PreparedStatement insert, int index) throws SQLException {
                insert.setInt(1, index);
                insert.executeUpdate();
            }
        }) {
            perThread.open(clients);
            return Figures.run(clients, rows, perThread);
        } finally {
            execute("drop table raw_row");
        }
    }

    private interface Prepare<R> {
        R prepare(Connection connection) throws SQLException;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * An operation with a connection of its own a client thread, each connection opened, prepared and used once before
     * the timing starts (a fresh backend's first statements, its catalog caches and plans, are not what an
     * application with a warm pool pays), and closed with this.
     */
    private abstract class PerThread<R> implements Figures.Operation, AutoCloseable {

        private final Prepare<R> preparer;
        private final List<Connection> opened = new ArrayList<>();
        private final Queue<R> ready = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<R> mine = new ThreadLocal<>();

        PerThread(Prepare<R> preparer) {
            this.preparer = preparer;
        }

        /** Opens, prepares and warms one connection a client. */
        void open(int clients) throws SQLException {
            for (int i = 0; i < clients; i++) {
                Connection connection = connect();
                opened.add(connection);
                R prepared = preparer.prepare(connection);
                run(prepared, -1 - i);
                ready.add(prepared);
            }
        }

        @Override
        public void run(int index) throws Exception {
            if (mine.get() == null) {
                mine.set(ready.remove());
            }
            run(mine.get(), index);
        }

        abstract void run(R prepared, int index) throws SQLException;

        @Override
        public void close() throws SQLException {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }

    private static final class FilingStatements {

        private final Connection connection;
        private final PreparedStatement application;
        private final PreparedStatement claim;
        private final PreparedStatement kase;
        private final PreparedStatement task;
        private final PreparedStatement audit;

        FilingStatements(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            application = connection.prepareStatement("""
                    insert into application (id, business_key, program_id, uscc, enterprise_name, bank_name,
                        bank_account_name, bank_account_no, on_dishonesty_list, serious_violation_3y, fiscal_arrears,
                        other_central_funding, reports_statistics, holds_certificate, truthfulness_commitment,
                        project_name, project_kind, host_country, stage, quote_total_wan, filed_at, filed_by,
                        idempotency_key)
                    values (?, ?, ?, '91440300MA5F000181', 'Shenzhen Example Co., Ltd.', 'Bank of China',
                        'Shenzhen Example Co., Ltd.', '6222021234567890', false, false, false, false, true, true,
                        true, 'Phnom Penh plant', 'INVESTMENT', 'KH', 'RAW', 300, ?, 'raw', ?)""");
            claim = connection.prepareStatement("""
                    insert into claim (id, application_id, position, category, amount, currency, paid_on,
                        support_wan, uncapped_wan, reasons)
                    values (?, ?, ?, 'PRE_PROJECT_FEES', ?, 'CNY', date '2025-05-01', 60, 60, '')""");
            kase = connection.prepareStatement("""
                    insert into raw_case (id, application_id, business_key, definition_id, stage, started_at)
                    values (?, ?, ?, 'SubsidyCase:1', 'INITIAL_REVIEW', ?)""");
            task = connection.prepareStatement("""
                    insert into raw_task (id, case_id, task_key, candidate_group, due_at, created_at)
                    values (?, ?, 'UserTask_InitialReview', 'initial-reviewers', ?, ?)""");
            audit = connection.prepareStatement("""
                    insert into audit_event (occurred_at, actor, action, application_id, subject, outcome, status)
                    values (?, 'raw', 'POST /api/programs/{code}/applications', ?, 'raw', 'OK', 201)""");
        }

        void file(UUID programId, int index, int claims) throws SQLException {
            UUID id = UUID.randomUUID();
            String caseId = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            String businessKey = "RAW-" + id;
            application.setObject(1, id);
            application.setString(2, businessKey);
            application.setObject(3, programId);
            application.setTimestamp(4, now);
            application.setString(5, id.toString());
            application.executeUpdate();
            for (int position = 1; position <= claims; position++) {
                claim.setObject(1, UUID.randomUUID());
                claim.setObject(2, id);
                claim.setInt(3, position);
                claim.setBigDecimal(4, BigDecimal.valueOf(600_000));
                claim.addBatch();
            }
            claim.executeBatch();
            kase.setString(1, caseId);
            kase.setObject(2, id);
            kase.setString(3, businessKey);
            kase.setTimestamp(4, now);
            kase.executeUpdate();
            task.setString(1, UUID.randomUUID().toString());
            task.setString(2, caseId);
            task.setTimestamp(3, now);
            task.setTimestamp(4, now);
            task.executeUpdate();
            audit.setTimestamp(1, now);
            audit.setObject(2, id);
            audit.executeUpdate();
            connection.commit();
        }
    }
}
