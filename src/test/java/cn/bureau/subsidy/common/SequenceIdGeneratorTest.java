package cn.bureau.subsidy.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's ids come from the database sequence: ten digits, rising, and never the same twice, whichever thread or
 * node takes them and whether or not the transaction that took them commits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SequenceIdGeneratorTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theEnginesRowsCarryTenDigitIdsFromTheSequence() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator())
                .isInstanceOf(SequenceIdGenerator.class);
        assertThat(repositoryService.createDeploymentQuery().list()).isNotEmpty()
                .extracting(Deployment::getId).allMatch(id -> id.matches("\\d{10}"));
    }

    @Test
    void idsRiseAsTextAcrossBlocks() {
        SequenceIdGenerator ids = new SequenceIdGenerator(jdbc);

        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            taken.add(ids.getNextId());
        }

        assertThat(taken).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void threadsOfTwoNodesNeverTakeTheSameId() throws Exception {
        // Two generators on one database, as two nodes have; four threads each, some inside transactions that roll back.
        List<SequenceIdGenerator> nodes = List.of(new SequenceIdGenerator(jdbc), new SequenceIdGenerator(jdbc));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                SequenceIdGenerator node = nodes.get(t % 2);
                boolean rolledBack = t % 4 < 2;
                work.add(() -> {
                    List<String> taken = new ArrayList<>();
                    for (int i = 0; i < 1_000; i++) {
                        if (rolledBack) {
                            transactions.executeWithoutResult(status -> {
                                taken.add(node.getNextId());
                                status.setRollbackOnly();
                            });
                        } else {
                            taken.add(node.getNextId());
                        }
                    }
                    return taken;
                });
            }
            Set<String> all = new HashSet<>();
            int count = 0;
            for (Future<List<String>> result : threads.invokeAll(work)) {
                count += result.get().size();
                all.addAll(result.get());
            }

            assertThat(all).hasSize(count).hasSize(8_000).allMatch(id -> id.matches("\\d{10}"));
        } finally {
            threads.shutdownNow();
        }
    }
}
