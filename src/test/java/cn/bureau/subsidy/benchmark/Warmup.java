package cn.bureau.subsidy.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A workload's warm-up: rounds of it until the JIT compiler was nearly idle through a whole round, so that the
 * measurement after it sees the code a server that has run for a while runs. A fixed warm-up is not enough on two
 * cores: the one C2 compiler thread falls behind, and what it has queued is still being compiled, on a core the
 * workload shares, while the measurement runs (a third of the machine during quotes over HTTP), and more so in
 * whichever application a JVM starts first.
 */
final class Warmup {

    /** The JIT's compile time, summed over its threads, that a quiet round may take: a share of its wall time. */
    static final double QUIET = 0.05;
    /** Most rounds a workload warms up before it is measured anyway; the report says when that happened. */
    static final int MAX_ROUNDS = Integer.getInteger("benchmark.warmup-rounds", 12);

    /** One round of the workload. */
    @FunctionalInterface
    interface Round {
        void run() throws Exception;
    }

    /** How a warm-up ended: after how many rounds, and the JIT's share of the last one. */
    record Rounds(int rounds, double lastJitShare) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d%s (JIT %.0f %%)", rounds,
                    lastJitShare < QUIET ? "" : ", not quiet", lastJitShare * 100);
        }
    }

    private Warmup() {
    }

    static Rounds untilCompiled(Round round) throws Exception {
        return untilCompiled(MAX_ROUNDS, round);
    }

    static Rounds untilCompiled(int maxRounds, Round round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int rounds = 1;; rounds++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            round.run();
            double share = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - start) / 1e6);
            if (share < QUIET || rounds >= maxRounds) {
                return new Rounds(rounds, share);
            }
        }
    }
}
