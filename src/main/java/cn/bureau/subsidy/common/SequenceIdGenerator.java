package cn.bureau.subsidy.common;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The process engine's ids, in blocks from the database sequence {@code engine_ids} ({@code camunda.bpm.id-generator:
 * sequence}; {@code strong} is the Spring Boot starter's UUIDs). An id is ten digits instead of a UUID's 36
 * characters, and engine rows carry five to seven ids each (their own, the process instance's, the execution's, the
 * definition's, ...), in their columns and their indexes: a paid case keeps several kilobytes less. The ids also rise,
 * so new rows are added at the end of each index instead of into random pages.
 * <p>
 * Camunda's own database id generator takes its blocks by an optimistic update of one row of {@code ACT_GE_PROPERTY},
 * which fails under concurrent load; that is why its documentation keeps it out of production. A sequence hands out
 * blocks without locks or conflicts to every thread of every node on the database, and its values are never given
 * twice, rolled-back transactions included. The block is read on the caller's transaction's connection, so taking one
 * never waits for a second connection from the pool.
 */
@Component
@ConditionalOnProperty(prefix = "camunda.bpm", name = "id-generator", havingValue = "sequence")
class SequenceIdGenerator implements IdGenerator {

    private static final String SEQUENCE = "engine_ids";

    private final JdbcTemplate jdbc;
    /** The block size is the sequence's increment, so that the migration alone defines it. */
    private final long blockSize;
    private volatile Block block = new Block(0, 0);

    SequenceIdGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.blockSize = jdbc.queryForObject("select cast(increment as bigint) from information_schema.sequences"
                + " where lower(sequence_name) = ? and sequence_schema = current_schema", Long.class, SEQUENCE);
    }

    @Override
    public String getNextId() {
        long id = block.take();
        while (id < 0) {
            // Two threads may both find the block used up: each takes a block of its own, and the ids left in the
            // one replaced are never handed out, which costs nothing.
            Block fresh = new Block(jdbc.queryForObject("select nextval('" + SEQUENCE + "')", Long.class),
                    blockSize);
            block = fresh;
            id = fresh.take();
        }
        return Long.toString(id);
    }

    private static final class Block {

        private final AtomicLong next;
        private final long end;

        Block(long start, long size) {
            this.next = new AtomicLong(start);
            this.end = start + size;
        }

        /** The next id of this block, or -1 when it is used up. */
        long take() {
            long id = next.getAndIncrement();
            return id < end ? id : -1;
        }
    }
}
