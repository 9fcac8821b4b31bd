package jiuzhu.security;

import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default grants, except that a task of a township's tenant gives its candidate group the right to work
 * it (UPDATE) but not READ: who reads a task is decided by the tenant of its township and the role's READ_TASK on
 * the process definitions ({@link RoleGrants}), who works it still by its candidate group.
 * <p>
 * Why (deploy/benchmarks/README.md): Camunda's task queries join the user's grants on
 * {@code RESOURCE_ID_ in (task id, definition key, '*')}, which PostgreSQL can only run as a nested loop; with a READ
 * grant per task that is every open task of the township against every grant of the township, 8 s a Tasklist page at
 * 1,000,000 open tasks. Without per-task READ the join meets a handful of role grants. A task without a tenant (a
 * process that is not a case) keeps the default grants, READ included.
 */
class TaskGrantsWithoutRead extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
        if (task.getTenantId() == null) {
            return super.createOrUpdateAuthorizationsByGroupId(task, groupId);
        }
        boolean variables = isEnforceSpecificVariablePermission();
        Permission[] work = variables
                ? new Permission[] {getDefaultUserPermissionForTask(), TaskPermissions.READ_VARIABLE}
                : new Permission[] {getDefaultUserPermissionForTask()};
        AuthorizationEntity runtime = createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, work);
        if (!isHistoricInstancePermissionsEnabled()) {
            return new AuthorizationEntity[] {runtime};
        }
        Permission[] history = variables
                ? new Permission[] {HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE}
                : new Permission[] {HistoricTaskPermissions.READ};
        return new AuthorizationEntity[] {runtime,
                createOrUpdateAuthorization(task, null, groupId, Resources.HISTORIC_TASK, true, history)};
    }
}
