package cn.bureau.subsidy.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went while a workload ran: this JVM's threads by what they do (read from Linux's
 * {@code /proc}, by thread name), and the rest of the machine, which on this machine is PostgreSQL. It tells whether a
 * workload had the cores to itself, and how much of them went to the JIT compiler or the garbage collector instead of
 * the work. Where {@code /proc} is missing (not Linux) it says so and measures nothing.
 */
record CpuUse(double seconds, double machineBusy, double process, Map<String, Double> byKind) {

    /** Thread kinds by the start of their names (Linux keeps the first 15 characters). */
    private static final List<Kind> KINDS = List.of(new Kind("web", name -> name.startsWith("http-nio-")),
            new Kind("job executor", name -> name.startsWith("camundaTask") || name.startsWith("JobExecutor")),
            new Kind("JIT", name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")),
            new Kind("GC", name -> name.startsWith("G1 ") || name.startsWith("GC Thread") || name.startsWith("VM ")),
            new Kind("HTTP client", name -> name.startsWith("HttpClient")));
    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture the JDK runs on

    private record Kind(String name, Predicate<String> matches) {
    }

    /** The counters at one moment: the machine's busy ticks, the process's, and each live thread's with its name. */
    record Snapshot(long nanos, long machineBusy, long process, Map<Long, Long> threads, Map<Long, String> names) {
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("self/task"));
    }

    static Snapshot now() {
        if (!available()) {
            return new Snapshot(System.nanoTime(), 0, 0, Map.of(), Map.of());
        }
        Map<Long, Long> threads = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(PROC.resolve("self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    long tid = Long.parseLong(task.getFileName().toString());
                    threads.put(tid, ticks(stat));
                    names.put(tid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                } catch (IOException ended) {
                    // the thread ended while the directory was read: its time is in the process's counter
                }
            }
            String machine = Files.readAllLines(PROC.resolve("stat")).get(0);
            String[] fields = machine.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new Snapshot(System.nanoTime(), total - idle, ticks(Files.readString(PROC.resolve("self/stat"))),
                    threads, names);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CPU counters in /proc", e);
        }
    }

    /** User and system ticks from a {@code stat} line: fields 14 and 15, counted after the name in parentheses. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static CpuUse since(Snapshot before) {
        Snapshot after = now();
        Map<String, Double> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind.name(), 0.0));
        long named = 0;
        for (Map.Entry<Long, Long> thread : after.threads().entrySet()) {
            long used = thread.getValue() - before.threads().getOrDefault(thread.getKey(), 0L);
            String kind = KINDS.stream().filter(k -> k.matches().test(after.names().get(thread.getKey())))
                    .map(Kind::name).findFirst().orElse("other");
            byKind.merge(kind, used / TICKS_PER_SECOND, Double::sum);
            named += used;
        }
        long process = after.process() - before.process();
        // Threads that ended before the second reading: a workload's own, such as its clients or officers.
        byKind.put("workload threads", Math.max(0, process - named) / TICKS_PER_SECOND);
        return new CpuUse((after.nanos() - before.nanos()) / 1e9, (after.machineBusy() - before.machineBusy())
                / TICKS_PER_SECOND, process / TICKS_PER_SECOND, byKind);
    }

    /** Cores busy on average: the machine, of it this JVM by kind of thread, and the rest of the machine. */
    @Override
    public String toString() {
        if (seconds == 0 || !available()) {
            return "not measured (no /proc)";
        }
        return String.format(Locale.ROOT, "%.2f cores busy (this JVM %.2f: %s; PostgreSQL and the rest %.2f)",
                machineBusy / seconds, process / seconds, byKind.entrySet().stream()
                        .filter(kind -> kind.getValue() > 0)
                        .map(kind -> String.format(Locale.ROOT, "%s %.2f", kind.getKey(), kind.getValue() / seconds))
                        .collect(Collectors.joining(", ")), Math.max(0, machineBusy - process) / seconds);
    }
}
