package jiuzhu.system;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
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
 * <p>
 * Measured (deploy/benchmarks): Tasklist's queues at a million open tasks. Camunda checks a task query's
 * authorization by joining, for every candidate task, the grants of the user that give READ on the task or
 * READ_TASK on its process definition; PostgreSQL answered that per task from the index of all grants' resource ids
 * (three million rows, one UPDATE grant per task among them), reading every wildcard grant of every resource type
 * each time. {@link #TASK_READ_GRANTS} holds only the grants that can pass that check (a few dozen rows), with the
 * columns the check reads, so the planner reads them once and joins in memory. Its predicate is the engine's check
 * written out with the engine's own constants; the plan can use it because the engine's statements are planned with
 * their parameter values (PostgreSQL keeps custom plans while they are estimated cheaper than a generic one, which
 * the index makes them). {@link #VARIABLE_BY_INSTANCE_AND_NAME} serves the queues filtered on a process variable
 * (即将超期, 已超期: {@code slaState}), which test each candidate task's instance for the variable: Camunda's index
 * of variables by instance alone read all of an instance's variables for each.
 */
@Component
@Order(EngineIndexes.ORDER)
class EngineIndexes implements ApplicationRunner {

    static final int ORDER = -10;

    /** The grants a task query's authorization check can accept: READ on a task, READ_TASK on a process definition. */
    static final String TASK_READ_GRANTS = "create index if not exists jz_auth_task_read on act_ru_authorization (resource_id_)"
            + " include (type_, user_id_, group_id_, resource_type_, perms_)"
            + " where (resource_type_ = " + Resources.TASK.resourceType() + " and perms_ & " + Permissions.READ.getValue()
            + " = " + Permissions.READ.getValue() + " or resource_type_ = " + Resources.PROCESS_DEFINITION.resourceType()
            + " and perms_ & " + ProcessDefinitionPermissions.READ_TASK.getValue() + " = "
            + ProcessDefinitionPermissions.READ_TASK.getValue() + ")";

    static final String VARIABLE_BY_INSTANCE_AND_NAME = "create index if not exists jz_var_instance_name on act_ru_variable"
            + " (proc_inst_id_, name_) include (type_, text_, task_id_)";

    static final List<String> POSTGRES = List.of(
            "create index if not exists jz_job_locked_by_instance on act_ru_job (process_instance_id_)"
                    + " where lock_owner_ is not null",
            "create index if not exists jz_job_due on act_ru_job (duedate_)",
            TASK_READ_GRANTS,
            VARIABLE_BY_INSTANCE_AND_NAME);

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
