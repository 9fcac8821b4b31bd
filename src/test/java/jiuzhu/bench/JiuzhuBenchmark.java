package jiuzhu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark suite ({@code mvn -Pbench verify}): one embedded PostgreSQL 17 with durability on; the commit limit
 * of this machine; then, run by run, Jiuzhu's configuration and stock Camunda's defaults side by side on the same
 * models and data, each in a JVM of its own ({@link BenchWorker}); then the queue views at scale
 * ({@link QueueViews}). Figures go to {@code target/bench/report.md} and {@code report.json} ({@link BenchReport}).
 * Sizes can be lowered for a quick look ({@code -Dbench.cases=100 -Dbench.storms=2000 ...}); the report says
 * which sizes it ran.
 */
class JiuzhuBenchmark {

    static final Path DIR = Path.of("target/bench");

    final int runs = Integer.getInteger("bench.runs", 3);
    final int cases = Integer.getInteger("bench.cases", 2000);
    final String storms = System.getProperty("bench.storms", "20000,100000");
    final String queueScales = System.getProperty("bench.queueScales", "10000,100000,1000000");
    final List<String> configs = List.of(System.getProperty("bench.configs", "stock,jiuzhu").split(","));
    /** runs: start, memory, cases and storms per configuration; queues: the queue views at scale. */
    final String phases = System.getProperty("bench.phases", "runs,queues");

    @Test
    void jiuzhuAgainstStockCamundaAndTheCommitLimit() throws Exception {
        Files.createDirectories(DIR.resolve("runs"));
        Files.deleteIfExists(DIR.resolve("worker-classes.jar"));
        Files.deleteIfExists(DIR.resolve("worker-main-classes.jar"));
        Files.deleteIfExists(DIR.resolve("jiuzhu.jsa"));
        Path units = DIR.resolve("units-bench.csv");
        BenchOrg.write(units);
        BenchReport report = new BenchReport();
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("runs", runs);
        if (phases.contains("runs")) {
            sizes.put("cases", cases);
            sizes.put("storms", storms);
            sizes.put("stormWindowSeconds", TimerStorm.windowSeconds());
        }
        if (phases.contains("queues")) {
            sizes.put("queueScales", queueScales);
            sizes.put("queueSamples", Integer.getInteger("bench.queueSamples", 40));
        }
        report.sizes(sizes);
        if (Boolean.getBoolean("bench.merge") && Files.exists(DIR.resolve("report.json"))) {
            report.load(DIR.resolve("report.json"));
        }
        if (System.getProperty("bench.importQueueRuns") != null) {
            importQueueRuns(Path.of(System.getProperty("bench.importQueueRuns")), report);
        }
        try (BenchPostgres pg = BenchPostgres.start(DIR.resolve("pgdata"))) {
            report.machine(machine(pg));
            Files.createDirectories(DIR.resolve("runs"));
            for (int run = 1; run <= (phases.contains("runs") ? runs : 0); run++) {
                report.commitLimit(1, pg.commitLimit(1, 5));
                report.commitLimit(2, pg.commitLimit(2, 5));
                // Alternate the order so that neither configuration always runs on a warmer machine.
                List<String> order = new ArrayList<>(configs);
                if (run % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (String config : order) {
                    String database = "bench_" + config + "_" + run;
                    pg.createDatabase(database);
                    Map<String, Object> figures = new LinkedHashMap<>(worker(pg, config, database, units, run));
                    // The same node started again on the database the run filled: a production node's start.
                    Map<String, Object> restart = worker(pg, config, database, units, run, "restart");
                    figures.put("restartToTasklistReadyMs", restart.get("startToTasklistReadyMs"));
                    figures.put("restartRssAfterStartBytes", restart.get("rssAfterStartBytes"));
                    report.run(config, figures);
                    pg.dropDatabase(database);
                }
            }
            if (phases.contains("queues") && !queueScales.isBlank()) {
                new QueueViews(pg, DIR, units, this).run(queueScales, runs, report);
            }
            report.commitLimit(2, pg.commitLimit(2, 5));
        }
        report.write(DIR.resolve("report.json"), DIR.resolve("report.md"));
        assertThat(DIR.resolve("report.md")).exists();
    }

    /**
     * Takes the queue-view figures of the worker files of an earlier invocation that was stopped before its report
     * ({@code <config>-<run>-queues-<scale>.json}, seeding notes from {@code jiuzhu-0-queues-seed-<scale>.json}).
     */
    @SuppressWarnings("unchecked")
    static void importQueueRuns(Path runsDir, BenchReport report) throws java.io.IOException {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("(\\w+)-(\\d+)-queues-(seed-)?(\\d+)\\.json");
        try (var files = Files.list(runsDir)) {
            for (Path f : files.sorted().toList()) {
                java.util.regex.Matcher m = name.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                int scale = Integer.parseInt(m.group(4));
                Map<String, Object> figures = new ObjectMapper().readValue(f.toFile(), Map.class);
                if (m.group(3) != null) {
                    ((Map<String, Object>) figures.getOrDefault("seed", Map.of())).forEach((k, v) -> report.queueNote(scale, k, v));
                } else {
                    ((Map<String, Map<String, Number>>) figures.get("views")).forEach((view, t) -> report.queueView(scale, view,
                            m.group(1), t.get("p50ms").doubleValue(), t.get("p95ms").doubleValue()));
                }
            }
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    Map<String, Object> machine(BenchPostgres pg) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("memoryBytes", new com.sun.management.OperatingSystemMXBean[] {
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()}[0]
                .getTotalMemorySize());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("postgres", pg.version());
        m.put("fsync", pg.setting("fsync"));
        m.put("synchronous_commit", pg.setting("synchronous_commit"));
        m.put("startedAt", java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        return m;
    }

    /**
     * This JVM's class path with the class folders swapped for jars of them, the test classes' without
     * {@code camunda.cfg.xml}: the webapps' first request would otherwise make Camunda's ProcessEngines start a
     * second, in-memory engine from that file (the engine tests' configuration), which a production node does not have.
     */
    static String workerClassPath() throws java.io.IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.endsWith("test-classes")) {
                entries.add(snapshot(p, DIR.resolve("worker-classes.jar"), "camunda.cfg.xml"));
            } else if (p.endsWith("classes")) {
                entries.add(snapshot(p, DIR.resolve("worker-main-classes.jar"), null));
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * A jar of a class folder made once per benchmark, so that every worker of a run loads the same classes even
     * when the project is compiled again while the benchmark runs. A jar, not a folder: a class-data-sharing archive
     * ({@link #cdsArchive}) can only be made and used with a class path of jars.
     */
    private static String snapshot(Path folder, Path jar, String leaveOut) throws java.io.IOException {
        if (!Files.exists(jar)) {
            Files.createDirectories(jar.getParent());
            try (var files = Files.walk(folder);
                    var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
                for (Path f : files.sorted().toList()) {
                    String name = folder.relativize(f).toString().replace(File.separatorChar, '/');
                    if (name.isEmpty() || f.getFileName().toString().equals(leaveOut)) {
                        continue;
                    }
                    // Folder entries too: Spring finds classpath*:processes/**/*.bpmn from the folder's own entry.
                    boolean folderEntry = Files.isDirectory(f);
                    out.putNextEntry(new java.util.jar.JarEntry(folderEntry ? name + "/" : name));
                    if (!folderEntry) {
                        Files.copy(f, out);
                    }
                    out.closeEntry();
                }
            }
        }
        return jar.toAbsolutePath().toString();
    }

    /**
     * Jiuzhu's class-data-sharing archive, made once per benchmark the way deploy/Dockerfile makes the image's: the
     * application started on its embedded default (H2, in a scratch folder) with {@code -XX:ArchiveClassesAtExit}
     * and Spring's {@code -Dspring.context.exit=onRefresh}, which ends the JVM once the context is refreshed. The
     * workers of the Jiuzhu configuration start with it ({@code -XX:SharedArchiveFile}); stock runs without one.
     */
    static Path cdsArchive() throws Exception {
        Path archive = DIR.resolve("jiuzhu.jsa").toAbsolutePath();
        if (Files.exists(archive)) {
            return archive;
        }
        Path scratch = DIR.resolve("cds-training").toAbsolutePath();
        deleteTree(scratch);
        Files.createDirectories(scratch);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BenchConfigs.jvmOptions("jiuzhu"));
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-cp");
        command.add(workerClassPath());
        command.add(jiuzhu.JiuzhuApplication.class.getName());
        command.add("--server.port=0");
        Path log = DIR.resolve("runs").resolve("cds-training.log");
        Process process = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        deleteTree(scratch);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no class-data-sharing archive was made, see " + log);
        }
        return archive;
    }

    /** Starts a worker JVM for one configuration, waits for it, returns its figures. */
    @SuppressWarnings("unchecked")
    Map<String, Object> worker(BenchPostgres pg, String config, String database, Path units, int run, String... extra) throws Exception {
        Path out = DIR.resolve("runs").resolve(config + "-" + run + (extra.length > 0 ? "-" + extra[0] : "") + ".json");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BenchConfigs.jvmOptions(config));
        if (config.equals("jiuzhu")) {
            command.add("-XX:SharedArchiveFile=" + cdsArchive());
        }
        command.add("-Duser.timezone=Asia/Shanghai");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dspring.profiles.active=" + BenchConfigs.profiles(config));
        command.add("-Dbench.config=" + config);
        command.add("-Dbench.out=" + out);
        command.add("-Dbench.cases=" + (extra.length > 0 ? 0 : cases));
        command.add("-Dbench.storms=" + (extra.length > 0 ? "" : storms));
        command.add("-Dbench.stormWindowSeconds=" + TimerStorm.windowSeconds());
        for (int i = 1; i < extra.length; i++) {
            command.add(extra[i]);
        }
        command.add("-cp");
        command.add(workerClassPath());
        command.add(extra.length > 0 && extra[0].startsWith("queues") ? QueueViews.Worker.class.getName() : BenchWorker.class.getName());
        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true)
                .redirectOutput(DIR.resolve("runs").resolve(out.getFileName().toString().replace(".json", ".log")).toFile());
        Map<String, String> env = builder.environment();
        env.put("JIUZHU_DB_URL", pg.url(database));
        env.put("JIUZHU_DB_USER", "postgres");
        env.put("JIUZHU_DB_PASSWORD", "postgres");
        env.put("JIUZHU_ADMIN_USER", "benchadmin");
        env.put("JIUZHU_ADMIN_PASSWORD", "bench-admin-password");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("JIUZHU_DATA_KEY", Base64.getEncoder().encodeToString(key));
        env.put("JIUZHU_ORG_DATA", "file:" + units.toAbsolutePath());
        command.add(1, "-Dbench.spawnedAt=" + System.currentTimeMillis());
        builder.command(command);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(config + " run " + run + " did not finish in 90 minutes");
        }
        if (process.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException(config + " run " + run + " failed (exit " + process.exitValue() + "), see "
                    + out.toString().replace(".json", ".log"));
        }
        Map<String, Object> figures = new ObjectMapper().readValue(out.toFile(), Map.class);
        if (config.equals("jiuzhu") && !cdsArchive().toString().equals(figures.get("cdsArchive"))) {
            // Its start would be measured without the archive a production node has.
            throw new IllegalStateException(config + " run " + run + " did not use the class-data-sharing archive " + cdsArchive());
        }
        return figures;
    }
}
