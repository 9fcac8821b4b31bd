package jiuzhu.system;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that the engine does not ship, for PostgreSQL (production). They cannot be Flyway
 * migrations: on a new database Flyway runs before the engine creates its tables. Made at start-up, under the
 * start-up lock, only where missing. On a large existing table an index build blocks writes to it while it runs: a
 * first start after an upgrade belongs in a maintenance window, or the DBA creates them first with
 * {@code create index concurrently} (same names, same definitions).
 * <p>
 * Measured (deploy/benchmarks): with many due jobs, each job acquisition looks for jobs of the same process instance
 * that are locked; without an index it reads the whole job table every time, which made PostgreSQL the limit of a
 * timer storm. The partial index holds only locked jobs, a few dozen rows at any moment. The due-date index serves
 * the acquisition in due-date order (jobExecutorAcquireByDueDate), which skips the fired, deleted jobs that a scan
 * of the table would read again at every acquisition.
 */
@Component
@Order(EngineIndexes.ORDER)
class EngineIndexes implements ApplicationRunner {

    static final int ORDER = -10;

    static final List<String> POSTGRES = List.of(
            "create index if not exists jz_job_locked_by_instance on act_ru_job (process_instance_id_)"
                    + " where lock_owner_ is not null",
            "create index if not exists jz_job_due on act_ru_job (duedate_)");

    private final JdbcTemplate jdbc;
    private final StartupLock startupLock;
    private final boolean enabled;

    EngineIndexes(JdbcTemplate jdbc, StartupLock startupLock, @Value("${jiuzhu.engine-indexes:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.startupLock = startupLock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws MetaDataAccessException {
        if (enabled && isPostgres(jdbc.getDataSource())) {
            startupLock.runExclusively(() -> POSTGRES.forEach(jdbc::execute));
        }
    }

    static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        return "PostgreSQL".equals(product);
    }
}
