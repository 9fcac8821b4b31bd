package jiuzhu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Collects the figures of every run and writes them: {@code report.json} with every raw figure, {@code report.md}
 * with median, min and max per configuration, the ratio Jiuzhu / stock, the commit limit, and each target met or
 * missed by how much.
 */
final class BenchReport {

    private final Map<String, Object> sizes = new LinkedHashMap<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<Integer, List<Double>> commitLimits = new TreeMap<>();
    private final Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
    /** scale -> view -> config -> [p50, p95] per run. */
    private final Map<Integer, Map<String, Map<String, List<double[]>>>> queues = new TreeMap<>();
    private final Map<Integer, Map<String, Object>> queueNotes = new TreeMap<>();

    /**
     * Takes the figures of an earlier invocation's report.json, so that the phases can run as separate Maven
     * invocations ({@code -Dbench.phases=queues}, then {@code runs}) and still make one report.
     */
    @SuppressWarnings("unchecked")
    void load(Path json) throws IOException {
        Map<String, Object> root = new ObjectMapper().readValue(json.toFile(), Map.class);
        ((Map<String, Object>) root.getOrDefault("sizes", Map.of())).forEach(sizes::putIfAbsent);
        ((Map<String, Object>) root.getOrDefault("machine", Map.of())).forEach(machine::putIfAbsent);
        ((Map<String, List<Map<String, Object>>>) root.getOrDefault("runs", Map.of()))
                .forEach((config, list) -> runs.computeIfAbsent(config, k -> new ArrayList<>()).addAll(list));
        Map<String, Object> raw = (Map<String, Object>) root.getOrDefault("raw", Map.of());
        ((Map<String, List<Number>>) raw.getOrDefault("commitLimits", Map.of())).forEach((clients, v) ->
                v.forEach(tps -> commitLimit(Integer.parseInt(clients), tps.doubleValue())));
        ((Map<String, Map<String, Map<String, List<List<Number>>>>>) raw.getOrDefault("queues", Map.of())).forEach((scale, views) ->
                views.forEach((view, byConfig) -> byConfig.forEach((config, list) -> list.forEach(p ->
                        queueView(Integer.parseInt(scale), view, config, p.get(0).doubleValue(), p.get(1).doubleValue())))));
        ((Map<String, Map<String, Object>>) raw.getOrDefault("queueNotes", Map.of())).forEach((scale, notes) ->
                notes.forEach((k, v) -> queueNote(Integer.parseInt(scale), k, v)));
    }

    void sizes(Map<String, Object> s) {
        sizes.putAll(new TreeMap<>(s));
    }

    void machine(Map<String, Object> m) {
        machine.putAll(m);
    }

    void commitLimit(int clients, double tps) {
        commitLimits.computeIfAbsent(clients, k -> new ArrayList<>()).add(tps);
    }

    void run(String config, Map<String, Object> figures) {
        runs.computeIfAbsent(config, k -> new ArrayList<>()).add(figures);
    }

    void queueView(int scale, String view, String config, double p50, double p95) {
        queues.computeIfAbsent(scale, k -> new LinkedHashMap<>()).computeIfAbsent(view, k -> new LinkedHashMap<>())
                .computeIfAbsent(config, k -> new ArrayList<>()).add(new double[] {p50, p95});
    }

    void queueNote(int scale, String key, Object value) {
        queueNotes.computeIfAbsent(scale, k -> new LinkedHashMap<>()).put(key, value);
    }

    record Stat(double median, double min, double max, int n) {
        static Stat of(List<Double> values) {
            List<Double> v = new ArrayList<>(values);
            Collections.sort(v);
            if (v.isEmpty()) {
                return new Stat(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            int n = v.size();
            double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
            return new Stat(median, v.get(0), v.get(n - 1), n);
        }

        Map<String, Object> json() {
            return Map.of("median", median, "min", min, "max", max, "runs", n);
        }
    }

    /** A figure of every run of a configuration, by its dotted path in the worker's JSON. */
    @SuppressWarnings("unchecked")
    List<Double> values(String config, String path) {
        List<Double> out = new ArrayList<>();
        for (Map<String, Object> run : runs.getOrDefault(config, List.of())) {
            Object node = run;
            for (String key : path.split("\\.")) {
                node = node instanceof Map ? ((Map<String, Object>) node).get(key) : null;
            }
            if (node instanceof Number number) {
                out.add(number.doubleValue());
            }
        }
        return out;
    }

    Stat stat(String config, String path) {
        return Stat.of(values(config, path));
    }

    Stat commitLimit(int clients) {
        return Stat.of(commitLimits.getOrDefault(clients, List.of()));
    }

    /** p95 (index 1) or p50 (index 0) of a queue view over the runs. */
    Stat queue(int scale, String view, String config, int index) {
        List<Double> v = new ArrayList<>();
        for (double[] r : queues.getOrDefault(scale, Map.of()).getOrDefault(view, Map.of()).getOrDefault(config, List.of())) {
            v.add(r[index]);
        }
        return Stat.of(v);
    }

    static final String[][] FIGURES = {
            {"startToTasklistReadyMs", "First start (empty database) to Tasklist ready", "ms", "1"},
            {"restartToTasklistReadyMs", "Restart (the run's database) to Tasklist ready", "ms", "1"},
            {"rssAfterStartBytes", "RSS after start", "MiB", "1048576"},
            {"rssPeakBytes", "RSS peak (under load)", "MiB", "1048576"},
            {"cases.casesPerSecond", "Case throughput", "cases/s", "1"},
            {"cases.commitsPerCase", "Commits per case", "commits", "1"},
            {"cases.commitsPerSecond", "Commit rate during the case workload", "commits/s", "1"},
            {"cases.jvmCpuMsPerCase", "JVM CPU per case", "ms", "1"},
            {"cases.postgresCpuMsPerCase", "PostgreSQL CPU per case", "ms", "1"},
    };

    void write(Path json, Path markdown) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("sizes", sizes);
        Map<String, Object> limits = new LinkedHashMap<>();
        commitLimits.forEach((clients, v) -> limits.put(clients + " clients", Map.of("values", v, "stat", Stat.of(v).json())));
        root.put("commitLimitTps", limits);
        root.put("runs", runs);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String[] f : figurePaths()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String config : runs.keySet()) {
                row.put(config, stat(config, f[0]).json());
            }
            row.put("ratioJiuzhuToStock", ratio(f[0]));
            summary.put(f[0], row);
        }
        root.put("summary", summary);
        Map<String, Object> q = new LinkedHashMap<>();
        queues.forEach((scale, views) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            views.forEach((view, byConfig) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                byConfig.keySet().forEach(config -> v.put(config, Map.of("p50ms", queue(scale, view, config, 0).json(),
                        "p95ms", queue(scale, view, config, 1).json())));
                s.put(view, v);
            });
            s.put("notes", queueNotes.getOrDefault(scale, Map.of()));
            q.put(String.valueOf(scale), s);
        });
        root.put("queueViews", q);
        root.put("targets", targets());
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("commitLimits", commitLimits);
        raw.put("queues", queues);
        raw.put("queueNotes", queueNotes);
        root.put("raw", raw);
        Files.createDirectories(json.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
        Files.writeString(markdown, markdown());
    }

    private List<String[]> figurePaths() {
        List<String[]> all = new ArrayList<>(List.of(FIGURES));
        String storms = String.valueOf(sizes.getOrDefault("storms", ""));
        for (String n : storms.split(",")) {
            if (!n.isBlank()) {
                String k = "timerStorm" + n.trim();
                all.add(new String[] {k + ".jobsPerSecond", "Timer storm " + n.trim() + ": jobs/s", "jobs/s", "1"});
                all.add(new String[] {k + ".secondsUntilAllRecorded", "Timer storm " + n.trim() + ": until all fired and recorded", "s", "1"});
                all.add(new String[] {k + ".projectedSecondsForAll", "Timer storm " + n.trim() + ": all fired at the measured rate", "s", "1"});
                all.add(new String[] {k + ".jvmCpuMsPerJob", "Timer storm " + n.trim() + ": JVM CPU per job", "ms", "1"});
                all.add(new String[] {k + ".postgresCpuMsPerJob", "Timer storm " + n.trim() + ": PostgreSQL CPU per job", "ms", "1"});
                all.add(new String[] {k + ".firedTwice", "Timer storm " + n.trim() + ": timers fired twice", "count", "1"});
            }
        }
        return all;
    }

    private Double ratio(String path) {
        Stat j = stat("jiuzhu", path);
        Stat s = stat("stock", path);
        return j.n() > 0 && s.n() > 0 && s.median() != 0 ? j.median() / s.median() : null;
    }

    record Target(String name, String goal, String measured, boolean met, String gap) {
    }

    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        for (String n : String.valueOf(sizes.getOrDefault("storms", "")).split(",")) {
            if (!n.isBlank()) {
                String path = "timerStorm" + n.trim() + ".jobsPerSecond";
                Double r = ratio(path);
                if (r != null) {
                    t.add(new Target("Timer storm " + n.trim(), ">= 2x stock jobs/s",
                            fmt(stat("jiuzhu", path).median()) + " vs " + fmt(stat("stock", path).median()) + " jobs/s = " + fmt(r) + "x",
                            r >= 2, r >= 2 ? "" : "short by " + fmt(2 / r) + "x (needs " + fmt(2 * stat("stock", path).median()) + " jobs/s)"));
                }
            }
        }
        if (!queues.isEmpty()) {
            int top = ((TreeMap<Integer, ?>) queues).lastKey();
            double worst = 0;
            String worstView = "";
            for (String view : queues.get(top).keySet()) {
                Stat p95 = queue(top, view, "jiuzhu", 1);
                if (p95.n() > 0 && p95.median() > worst) {
                    worst = p95.median();
                    worstView = view;
                }
            }
            t.add(new Target("Queue views at " + top + " open tasks", "every view p95 <= 50 ms",
                    "slowest: " + worstView + " p95 " + fmt(worst) + " ms", worst <= 50,
                    worst <= 50 ? "" : "over by " + fmt(worst - 50) + " ms"));
        }
        Stat commits = stat("jiuzhu", "cases.commitsPerSecond");
        Stat limit = commitLimit(2);
        if (commits.n() > 0 && limit.n() > 0) {
            double share = commits.median() / limit.median();
            Stat stockCommits = stat("stock", "cases.commitsPerSecond");
            t.add(new Target("Case throughput in commit terms", ">= 0.5 of the commit limit (2 clients)",
                    fmt(commits.median()) + " commits/s of " + fmt(limit.median()) + " = " + fmt(share)
                            + (stockCommits.n() > 0 ? " (stock " + fmt(stockCommits.median() / limit.median()) + ")" : ""),
                    share >= 0.5, share >= 0.5 ? "" : "short by " + fmt(0.5 - share) + " of the limit"));
        }
        for (String[] kind : new String[][] {{"restartToTasklistReadyMs", "Node start (restart on the shared database) to Tasklist ready"},
                {"startToTasklistReadyMs", "First start (empty database: schema, registry) to Tasklist ready"}}) {
            Stat start = stat("jiuzhu", kind[0]);
            if (start.n() > 0) {
                t.add(new Target(kind[1], "<= 10 s", fmt(start.median() / 1000) + " s (max " + fmt(start.max() / 1000) + ")",
                        start.max() <= 10_000, start.max() <= 10_000 ? "" : "over by " + fmt((start.max() - 10_000) / 1000) + " s (max)"));
            }
        }
        Stat rss = stat("jiuzhu", "rssPeakBytes");
        if (rss.n() > 0) {
            double gib = rss.max() / (1024.0 * 1024 * 1024);
            t.add(new Target("RSS under load", "<= 1 GiB", fmt(rss.max() / 1048576) + " MiB peak (max of runs)", gib <= 1,
                    gib <= 1 ? "" : "over by " + fmt((rss.max() - 1024.0 * 1024 * 1024) / 1048576) + " MiB"));
        }
        return t;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# Jiuzhu benchmark report\n\n");
        md.append("Generated by `mvn -Pbench verify` (jiuzhu.bench.JiuzhuBenchmark). Every figure is the median of the runs, ")
                .append("with min–max; ratio = Jiuzhu / stock (medians).\n\n## Machine and sizes\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        sizes.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Targets\n\n| Target | Goal | Measured | Met | Gap |\n|---|---|---|---|---|\n");
        for (Target t : targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured()).append(" | ")
                    .append(t.met() ? "yes" : "**no**").append(" | ").append(t.gap()).append(" |\n");
        }
        md.append("\n## Commit limit (minimal durable write, autocommit insert)\n\n| Clients | TPS median | min | max | samples |\n|---|---|---|---|---|\n");
        commitLimits.forEach((clients, v) -> {
            Stat s = Stat.of(v);
            md.append("| ").append(clients).append(" | ").append(fmt(s.median())).append(" | ").append(fmt(s.min())).append(" | ")
                    .append(fmt(s.max())).append(" | ").append(s.n()).append(" |\n");
        });
        md.append("\n## Case throughput, timer storm, start and memory\n\n| Figure | Unit | Jiuzhu median (min–max) | Stock median (min–max) | Jiuzhu / stock |\n|---|---|---|---|---|\n");
        for (String[] f : figurePaths()) {
            double scale = Double.parseDouble(f[3]);
            md.append("| ").append(f[1]).append(" | ").append(f[2]).append(" | ").append(cell(stat("jiuzhu", f[0]), scale))
                    .append(" | ").append(cell(stat("stock", f[0]), scale)).append(" | ");
            Double r = ratio(f[0]);
            md.append(r == null ? "–" : fmt(r)).append(" |\n");
        }
        if (!queues.isEmpty()) {
            md.append("\n## Queue views (authorization on, a township clerk; ms)\n\n")
                    .append("| Open tasks | View | Jiuzhu p50 | Jiuzhu p95 | Stock p50 | Stock p95 | p95 ratio |\n|---|---|---|---|---|---|---|\n");
            queues.forEach((scale, views) -> views.forEach((view, byConfig) -> {
                Stat jp95 = queue(scale, view, "jiuzhu", 1);
                Stat sp95 = queue(scale, view, "stock", 1);
                md.append("| ").append(String.format(Locale.ROOT, "%,d", scale)).append(" | ").append(view).append(" | ")
                        .append(cell(queue(scale, view, "jiuzhu", 0), 1)).append(" | ").append(cell(jp95, 1)).append(" | ")
                        .append(cell(queue(scale, view, "stock", 0), 1)).append(" | ").append(cell(sp95, 1)).append(" | ")
                        .append(jp95.n() > 0 && sp95.n() > 0 ? fmt(jp95.median() / sp95.median()) : "–").append(" |\n");
            }));
            queueNotes.forEach((scale, notes) -> notes.forEach((k, v) ->
                    md.append("\n- ").append(String.format(Locale.ROOT, "%,d", scale)).append(": ").append(k).append(": ").append(v)));
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(Stat s, double scale) {
        if (s.n() == 0) {
            return "–";
        }
        return fmt(s.median() / scale) + " (" + fmt(s.min() / scale) + "–" + fmt(s.max() / scale) + ")";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
