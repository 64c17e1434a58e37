package cn.bureau.subsidy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** The benchmark's CPU figures name the kind of thread that used the CPU, and count threads that ended too. */
class CpuUseTest {

    private static final long SPIN_NANOS = 500_000_000L;

    @Test
    void aWebThreadsCpuIsCountedAsWebAndAThreadThatEndedAsTheWorkloads() throws Exception {
        assumeTrue(CpuUse.available(), "Linux's /proc is needed");
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        CpuUse.Snapshot before = CpuUse.now();
        // The web thread is still there at the second reading, as a server's are; the other has ended by then.
        Thread web = new Thread(() -> {
            spin();
            spun.countDown();
            awaitQuietly(read);
        }, "http-nio-auto-1-exec-1");
        Thread ended = new Thread(CpuUseTest::spin, "benchmark-client-0");
        web.start();
        ended.start();
        ended.join();
        spun.await();
        CpuUse use = CpuUse.since(before);
        read.countDown();
        web.join();

        // Each thread used 0.5 s of CPU by its own exact clock. /proc's counters are the kernel's, sampled at ticks
        // and scaled, and under a busy or virtualised kernel they fell a quarter short of that clock: half is enough
        // to tell that a thread's time went to its own kind and to no other.
        assertThat(use.byKind().get("web")).isGreaterThanOrEqualTo(0.25);
        assertThat(use.byKind().get("workload threads")).isGreaterThanOrEqualTo(0.25);
        assertThat(use.process()).isGreaterThanOrEqualTo(0.5);
        assertThat(use.machineBusy()).isGreaterThanOrEqualTo(use.process() / 2);
        assertThat(use.toString()).contains("web ", "workload threads ", "PostgreSQL and the rest");
    }

    /** Uses 0.5 s of the calling thread's own CPU, however busy the machine is. */
    private static void spin() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + SPIN_NANOS;
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
