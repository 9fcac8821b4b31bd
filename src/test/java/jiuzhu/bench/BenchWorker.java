package jiuzhu.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;

import jiuzhu.JiuzhuApplication;
import jiuzhu.WebClient;

/**
 * One benchmark run of one configuration in a JVM of its own, as a node runs in production: starts the
 * application on the benchmark database, times start to Tasklist ready, runs the workloads it is given and writes
 * its figures as JSON. The parent ({@link JiuzhuBenchmark}) starts it with the configuration's profiles and
 * environment and reads the file.
 */
public final class BenchWorker {

    private final ConfigurableApplicationContext context;
    private final ProcessEngine engine;
    private final HikariDataSource pool;
    private final String jdbcUrl;
    private final long postmaster;

    BenchWorker(ConfigurableApplicationContext context) throws Exception {
        this.context = context;
        this.engine = context.getBean(ProcessEngine.class);
        this.pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        this.jdbcUrl = System.getenv("JIUZHU_DB_URL");
        try (Connection c = monitor(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            this.postmaster = ProcessStats.parentOf(r.getLong(1));
        }
    }

    public static void main(String[] args) {
        exitWhenDone(BenchWorker::run);
    }

    interface Work {
        void run() throws Exception;
    }

    /** Runs the work and ends the JVM either way: the application's threads would keep a failed worker alive. */
    static void exitWhenDone(Work work) {
        try {
            work.run();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        ConfigurableApplicationContext context = startApplication(result);
        BenchWorker worker = new BenchWorker(context);
        int cases = Integer.getInteger("bench.cases", 0);
        if (cases > 0) {
            result.put("cases", worker.caseThroughput(cases, Integer.getInteger("bench.clients", 2)));
        }
        String storms = System.getProperty("bench.storms", "");
        for (String n : storms.split(",")) {
            if (!n.isBlank()) {
                result.put("timerStorm" + n.trim(), worker.timerStorm(Integer.parseInt(n.trim())));
            }
        }
        writeResult(result);
        context.close();
    }

    /** Starts the application, waits until Tasklist answers a signed-in administrator, notes start time and memory. */
    static ConfigurableApplicationContext startApplication(Map<String, Object> result) {
        TimeZone.setDefault(TimeZone.getTimeZone(JiuzhuApplication.ZONE));
        long spawnedAt = Long.getLong("bench.spawnedAt", ManagementFactory.getRuntimeMXBean().getStartTime());
        ConfigurableApplicationContext context = new SpringApplication(JiuzhuApplication.class)
                .run("--server.port=0", "--server.servlet.session.cookie.secure=false");
        WebClient browser = WebClient.browser(port(context));
        browser.formLogin(System.getenv("JIUZHU_ADMIN_USER"), System.getenv("JIUZHU_ADMIN_PASSWORD"));
        HttpResponse<String> tasklist = browser.browse("/camunda/app/tasklist/default/");
        if (tasklist.statusCode() != 200 || !tasklist.body().contains("tasklist")) {
            throw new IllegalStateException("Tasklist not ready: " + tasklist.statusCode());
        }
        result.put("startToTasklistReadyMs", System.currentTimeMillis() - spawnedAt);
        result.put("rssAfterStartBytes", ProcessStats.memory("VmRSS"));
        result.put("cdsArchive", ProcessStats.mappedApplicationArchive());
        return context;
    }

    static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static void writeResult(Map<String, Object> result) throws java.io.IOException {
        result.put("rssPeakBytes", ProcessStats.memory("VmHWM"));
        result.put("rssEndBytes", ProcessStats.memory("VmRSS"));
        result.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
        Path out = Path.of(System.getProperty("bench.out"));
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    }

    /** N dibao cases from filing to grant from {@code clients} threads; job executor paused, the threads run the jobs. */
    Map<String, Object> caseThroughput(int n, int clients) throws Exception {
        JobExecutor executor = jobExecutor();
        executor.shutdown();
        CaseDriver driver = new CaseDriver(context, BenchOrg.villages(), System.getenv("JIUZHU_ADMIN_USER"));
        // A few cases first, so that the JIT and the caches are warm, as in a node that has been running.
        for (int i = 0; i < 20; i++) {
            driver.decideAndGrant(accepted(driver, i));
        }
        resetStatements();
        long commitsBefore = flushedCommits();
        double jvmCpuBefore = jvmCpuSeconds();
        double pgCpuBefore = ProcessStats.treeCpuSeconds(postmaster);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(1000);
        int last = 1000 + n;
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < last; i = next.getAndIncrement()) {
                        driver.decideAndGrant(accepted(driver, i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bench-client-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("case workload failed", failures.get(0));
        }
        double jvmCpu = jvmCpuSeconds() - jvmCpuBefore;
        double pgCpu = ProcessStats.treeCpuSeconds(postmaster) - pgCpuBefore;
        long commits = flushedCommits() - commitsBefore;
        long granted = count("select count(*) from jz_grant");
        executor.start();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cases", n);
        r.put("clients", clients);
        r.put("seconds", seconds);
        r.put("casesPerSecond", n / seconds);
        r.put("commits", commits);
        r.put("commitsPerCase", commits / (double) n);
        r.put("commitsPerSecond", commits / seconds);
        r.put("jvmCpuMsPerCase", jvmCpu * 1000 / n);
        r.put("postgresCpuMsPerCase", pgCpu * 1000 / n);
        r.put("grantsRecorded", granted);
        r.put("topStatements", topStatements(8));
        return r;
    }

    private String accepted(CaseDriver driver, int i) {
        String instance = driver.file(i)[1];
        driver.accept(instance);
        return instance;
    }

    Map<String, Object> timerStorm(int n) throws Exception {
        return new TimerStorm(context, this).run(n);
    }

    JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    long postmaster() {
        return postmaster;
    }

    static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    Connection monitor() throws Exception {
        return DriverManager.getConnection(jdbcUrl, System.getenv("JIUZHU_DB_USER"), System.getenv("JIUZHU_DB_PASSWORD"));
    }

    long count(String sql) throws Exception {
        try (Connection c = monitor(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Forgets the statement statistics of this database, so that {@link #topStatements} covers one workload. */
    void resetStatements() throws Exception {
        try (Connection c = monitor(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)");
        }
    }

    /** The statements that took the most database time since {@link #resetStatements}: calls, ms in all, ms each, SQL. */
    List<Map<String, Object>> topStatements(int n) throws Exception {
        List<Map<String, Object>> top = new ArrayList<>();
        try (Connection c = monitor(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select calls, total_exec_time, mean_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 400)"
                        + " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
                        + " order by total_exec_time desc limit " + n)) {
            while (r.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("calls", r.getLong(1));
                m.put("totalMs", Math.round(r.getDouble(2)));
                m.put("meanMs", Math.round(r.getDouble(3) * 1000) / 1000.0);
                m.put("rows", r.getLong(4));
                m.put("query", r.getString(5));
                top.add(m);
            }
        }
        return top;
    }

    /**
     * The database's committed transactions so far, all counted: PostgreSQL reports a backend's counts when it
     * idles or exits, so the pool's connections are closed (and reopened by the pool) before reading.
     */
    long flushedCommits() throws Exception {
        Set<Long> backends = new HashSet<>();
        try (Connection c = monitor(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            while (r.next()) {
                backends.add(r.getLong(1));
            }
        }
        pool.getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Connection c = monitor(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                Set<Long> alive = new HashSet<>();
                try (ResultSet r = s.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
                    while (r.next()) {
                        alive.add(r.getLong(1));
                    }
                }
                alive.retainAll(backends);
                if (alive.isEmpty()) {
                    break;
                }
                LockSupport.parkNanos(20_000_000L);
            }
            try (ResultSet r = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
