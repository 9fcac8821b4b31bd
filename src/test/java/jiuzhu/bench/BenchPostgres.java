package jiuzhu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL every benchmark runs on: the embedded PostgreSQL 17 server with durability on ({@code fsync},
 * {@code synchronous_commit}), as production runs it, and the commit limit of this machine measured on it.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private BenchPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static BenchPostgres start(Path dataDirectory) throws IOException {
        // A fresh cluster every time (initdb refuses a folder that a stopped run left behind).
        JiuzhuBenchmark.deleteTree(dataDirectory);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setDataDirectory(dataDirectory).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200")
                // Where the database's time goes, for the report's evidence (a few per cent of overhead, both configurations).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
        return new BenchPostgres(pg);
    }

    String url(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "postgres");
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }

    void dropDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    String setting(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    String version() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version()")) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * Commits per second of the smallest durable write, one autocommitted single-row insert, from {@code clients}
     * connections for {@code seconds}: the ceiling any workload's commit rate is compared against (pgbench's
     * idea with a minimal transaction).
     */
    double commitLimit(int clients, double seconds) throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_commit (id bigserial primary key, client int not null, at timestamptz not null default now())");
        }
        AtomicLong commits = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                try (Connection c = connect("postgres");
                        PreparedStatement insert = c.prepareStatement("insert into bench_commit (client) values (?)")) {
                    c.setAutoCommit(true);
                    insert.setInt(1, client);
                    ready.countDown();
                    ready.await();
                    while (!stop.get()) {
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "commit-limit-" + i);
            threads.add(t);
            t.start();
        }
        ready.await();
        // Warm-up of a second, then the measured window.
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        window[0] = commits.get();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        window[1] = commits.get();
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("truncate bench_commit");
        }
        return (window[1] - window[0]) / (elapsed / 1e9);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Starts the benchmark server on a port and keeps it, for looking at a run's data with psql. */
    public static void main(String[] args) throws Exception {
        try (BenchPostgres pg = start(Path.of(args.length > 0 ? args[0] : "target/bench/pgdata-console"))) {
            System.out.println(pg.url("postgres"));
            new CountDownLatch(1).await();
        }
    }
}
