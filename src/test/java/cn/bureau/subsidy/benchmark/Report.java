package cn.bureau.subsidy.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one Markdown table a benchmark run prints: each workload under both configurations, with its ratios. */
final class Report {

    private final List<String> header = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();

    void note(String line) {
        header.add(line);
    }

    /** A line under the table. */
    void footnote(String line) {
        footer.add(line);
    }

    /**
     * A workload with throughput and latencies; {@code rawLimit} (same unit per second) when the workload is compared
     * with the raw limit, otherwise 0.
     */
    void throughput(String workload, String size, String unit, Figures project, Figures defaults, double rawLimit) {
        rows.add(row(workload, size, "project", "%s %s/s".formatted(number(project.perSecond()), unit), project,
                rawLimit > 0 ? ratio(project.perSecond() / rawLimit) : "",
                ratio(project.perSecond() / defaults.perSecond())));
        rows.add(row("", "", "Camunda defaults", "%s %s/s".formatted(number(defaults.perSecond()), unit), defaults,
                rawLimit > 0 ? ratio(defaults.perSecond() / rawLimit) : "", ""));
    }

    /** A figure where less is better (bytes, milliseconds): the ratio says how many times less the project needs. */
    void cost(String workload, String size, String unit, double project, double defaults) {
        rows.add(row(workload, size, "project", number(project) + " " + unit, null, "",
                project == 0 ? "" : ratio(defaults / project)));
        rows.add(row("", "", "Camunda defaults", number(defaults) + " " + unit, null, "", ""));
    }

    void print() {
        StringBuilder out = new StringBuilder("\n");
        header.forEach(line -> out.append(line).append("\n\n"));
        out.append("| workload | size | configuration | throughput / figure | p50 ms | p95 ms | p99 ms "
                + "| ÷ raw limit | project ÷ defaults |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(row -> out.append(row).append("\n"));
        footer.forEach(line -> out.append("\n").append(line).append("\n"));
        System.out.println(out);
    }

    private static String row(String workload, String size, String configuration, String figure, Figures latencies,
            String vsRaw, String vsDefaults) {
        return "| %s | %s | %s | %s | %s | %s | %s | %s | %s |".formatted(workload, size, configuration, figure,
                latency(latencies, 50), latency(latencies, 95), latency(latencies, 99), vsRaw, vsDefaults);
    }

    private static String latency(Figures figures, double percent) {
        if (figures == null || Double.isNaN(figures.percentileMs(percent))) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", figures.percentileMs(percent));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
