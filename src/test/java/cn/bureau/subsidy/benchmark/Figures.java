package cn.bureau.subsidy.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one workload measured: how many operations in how long, and each operation's latency. Percentiles come from the
 * sorted latencies (nearest rank): a run has at most some hundred thousand operations.
 */
public record Figures(long operations, double seconds, long[] sortedNanos) {

    /** One operation; {@code index} is its number in the run. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code operations} operations on {@code clients} threads, each taking the next number until none is left,
     * and times each; the first failure fails the run.
     */
    public static Figures run(int clients, int operations, Operation operation) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] mine = new long[operations];
            perThread.add(mine);
            Thread thread = new Thread(() -> {
                try {
                    int index;
                    int count = 0;
                    while (failure.get() == null && (index = next.getAndIncrement()) < operations) {
                        long begin = System.nanoTime();
                        operation.run(index);
                        mine[count++] = System.nanoTime() - begin;
                        counts[client] = count;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "benchmark-client-" + c);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("A benchmark operation failed", failure.get());
        }
        long[] all = new long[operations];
        int filled = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perThread.get(c), 0, all, filled, counts[c]);
            filled += counts[c];
        }
        return of(operations, seconds, Arrays.copyOf(all, filled));
    }

    /** A run that timed its operations itself. */
    public static Figures of(long operations, double seconds, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Figures(operations, seconds, sorted);
    }

    /** A run timed as a whole, without per-operation latencies. */
    public static Figures whole(long operations, double seconds) {
        return new Figures(operations, seconds, new long[0]);
    }

    public double perSecond() {
        return seconds == 0 ? 0 : operations / seconds;
    }

    /** The latency below which {@code percent} of the operations finished, in milliseconds; NaN when untimed. */
    public double percentileMs(double percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
