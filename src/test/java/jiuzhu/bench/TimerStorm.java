package jiuzhu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;

/**
 * The day after Spring Festival: N accepted dibao cases whose SLA timers all fall due at once, half of them the
 * warning (剩余3个工作日), half the breach (超过时限). One real case per township is driven to the home visit through
 * the engine and copied ({@link CaseCloner}) to N; then the job executor is let loose and timed until every timer has
 * fired and its escalation is in the clock's ledger. Checks that no timer fired twice.
 */
final class TimerStorm {

    /**
     * How long a storm is watched at most ({@code bench.stormWindowSeconds}). 200 s: stock needs about 25 minutes for
     * 100,000 timers here, so no window it could finish in fits a benchmark of about an hour and a half; a
     * configuration that has not finished is measured over the window and the report gives the time all would take.
     */
    static int windowSeconds() {
        return Integer.getInteger("bench.stormWindowSeconds", 200);
    }

    private final ApplicationContext context;
    private final BenchWorker worker;

    TimerStorm(ApplicationContext context, BenchWorker worker) {
        this.context = context;
        this.worker = worker;
    }

    Map<String, Object> run(int n) throws Exception {
        JobExecutor executor = worker.jobExecutor();
        executor.shutdown();
        CaseDriver driver = new CaseDriver(context, BenchOrg.villages(), System.getenv("JIUZHU_ADMIN_USER"));
        int templates = Math.min(n, BenchOrg.TOWNSHIPS);
        Map<String, String> template = new LinkedHashMap<>();
        for (int i = 0; i < templates; i++) {
            String[] filed = driver.file(i);
            driver.accept(filed[1]);
            template.put(filed[1], filed[0]);
        }
        int copies = n / templates - 1;
        int total = templates * (copies + 1);
        long cloneStart = System.nanoTime();
        int rowsPerCase;
        try (Connection c = worker.monitor()) {
            c.setAutoCommit(false);
            CaseCloner cloner = new CaseCloner(c, table -> true).read(template);
            rowsPerCase = cloner.rowsPerCopy() / templates;
            for (int from = 1; from <= copies; from += 1000) {
                cloner.copy(from, Math.min(copies, from + 999));
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            c.commit();
        }
        double cloneSeconds = (System.nanoTime() - cloneStart) / 1e9;
        List<String> warned = new ArrayList<>();
        List<String> breached = new ArrayList<>();
        int k = 0;
        for (String instance : template.keySet()) {
            (k++ % 2 == 0 ? warned : breached).add(instance);
        }
        long ledgerBefore = worker.count("select coalesce(max(id), 0) from jz_sla_ledger");
        int due;
        try (Connection c = worker.monitor()) {
            due = makeDue(c, "Timer_SlaWarning", warned) + makeDue(c, "Timer_SlaBreached", breached);
        }
        if (due != total) {
            throw new IllegalStateException("made " + due + " timers due, expected " + total);
        }
        worker.resetStatements();
        double jvmCpuBefore = BenchWorker.jvmCpuSeconds();
        double pgCpuBefore = ProcessStats.treeCpuSeconds(worker.postmaster());
        long start = System.nanoTime();
        executor.start();
        // A configuration that cannot fire them all within the window is measured over the window (and marked so).
        long deadline = start + windowSeconds() * 1_000_000_000L;
        long remaining = total;
        long recorded = 0;
        // Polled twice a second with one cheap query (ledger rows after the last one before the storm), so that the
        // watching does not load the database it measures.
        while (System.nanoTime() < deadline) {
            recorded = worker.count("select count(*) from jz_sla_ledger where id > " + ledgerBefore
                    + " and action in ('WARN', 'BREACH')");
            if (recorded >= total) {
                remaining = worker.count("select count(*) from act_ru_job where duedate_ < now() and (handler_cfg_ like 'Timer_SlaWarning%'"
                        + " or handler_cfg_ like 'Timer_SlaBreached%')");
                if (remaining == 0) {
                    break;
                }
            }
            LockSupport.parkNanos(500_000_000L);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double jvmCpu = BenchWorker.jvmCpuSeconds() - jvmCpuBefore;
        double pgCpu = ProcessStats.treeCpuSeconds(worker.postmaster()) - pgCpuBefore;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("timers", total);
        r.put("rowsPerCopiedCase", rowsPerCase);
        r.put("copySeconds", cloneSeconds);
        boolean finished = remaining == 0 && recorded >= total;
        r.put("finished", finished);
        r.put("secondsUntilAllRecorded", finished ? seconds : null);
        r.put("jobsPerSecond", recorded / seconds);
        r.put("projectedSecondsForAll", recorded > 0 ? total / (recorded / seconds) : null);
        r.put("jvmCpuMsPerJob", jvmCpu * 1000 / Math.max(1, recorded));
        r.put("postgresCpuMsPerJob", pgCpu * 1000 / Math.max(1, recorded));
        r.put("escalationsRecorded", recorded);
        r.put("timersLeft", remaining);
        r.put("firedTwice", worker.count("select count(*) from (select case_number, action from jz_sla_ledger where action in"
                + " ('WARN', 'BREACH') group by case_number, action having count(*) > 1) twice")
                + worker.count("select count(*) from (select proc_inst_id_, act_id_ from act_hi_actinst where act_id_ in"
                + " ('Timer_SlaWarning', 'Timer_SlaBreached') group by proc_inst_id_, act_id_ having count(*) > 1) twice"));
        r.put("failedJobs", worker.count("select count(*) from act_ru_job where retries_ < 3 and exception_msg_ is not null"));
        r.put("incidents", worker.count("select count(*) from act_ru_incident"));
        r.put("topStatements", worker.topStatements(8));
        if (finished && recorded != total) {
            throw new IllegalStateException("timer storm " + n + " recorded " + recorded + " escalations for " + total + " timers: " + r);
        }
        return r;
    }

    /** Sets the due date of the timer {@code timer} of the templates and all their copies to a second ago. */
    private static int makeDue(Connection c, String timer, List<String> templates) throws Exception {
        if (templates.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("update act_ru_job set duedate_ = ? where handler_cfg_ like ?"
                + " and substr(process_instance_id_, 1, 36) = any(?)")) {
            s.setTimestamp(1, new Timestamp(System.currentTimeMillis() - 1000));
            s.setString(2, timer + "%");
            s.setArray(3, c.createArrayOf("varchar", templates.toArray()));
            return s.executeUpdate();
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
