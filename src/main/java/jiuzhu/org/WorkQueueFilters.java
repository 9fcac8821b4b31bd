package jiuzhu.org;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jiuzhu.security.RoleGroup;
import jiuzhu.system.StartupLock;

/**
 * The unit work queue in Tasklist: the tasks whose candidate group is one of the user's groups (so a clerk sees
 * his township's queue and nothing else), assigned ones included. Constraining by candidate group is also what
 * keeps the queue fast with many open tasks: authorization alone would be checked row by row.
 */
@Component
@Order(WorkQueueFilters.ORDER)
class WorkQueueFilters implements ApplicationRunner {

    static final int ORDER = 30;
    static final String UNIT_QUEUE = "本单位待办 / My unit's tasks";
    private static final List<RoleGroup> STAFF = List.of(RoleGroup.CLERKS, RoleGroup.HEADS, RoleGroup.COUNTY_OFFICERS, RoleGroup.ASSISTANTS);

    private final FilterService filterService;
    private final StartupLock startupLock;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    WorkQueueFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::seed);
    }

    private void seed() {
        if (filterService.createFilterQuery().filterName(UNIT_QUEUE).count() > 0) {
            return;
        }
        TaskQuery query = taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByTaskCreateTime().asc();
        Filter filter = filterService.newTaskFilter(UNIT_QUEUE)
                .setQuery(query)
                .setProperties(Map.of("description", "本单位的待办任务 / open tasks of my unit",
                        "priority", -10, "refresh", true));
        filterService.saveFilter(filter);
        for (RoleGroup role : STAFF) {
            var grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(role.groupId());
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filter.getId());
            grant.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(grant);
        }
    }
}
