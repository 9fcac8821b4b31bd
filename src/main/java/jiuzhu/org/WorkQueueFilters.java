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
 * The work queues in Tasklist: the tasks whose candidate group is one of the user's groups (so a clerk sees his
 * township's queue and nothing else), assigned ones included; of those, the cases warned or past their time limit;
 * and the tasks the user has claimed. Constraining by candidate group is also what
 * keeps the queue fast with many open tasks: authorization alone would be checked row by row.
 */
@Component
@Order(WorkQueueFilters.ORDER)
class WorkQueueFilters implements ApplicationRunner {

    static final int ORDER = 30;
    static final String UNIT_QUEUE = "本单位待办 / My unit's tasks";
    static final String NEAR_DEADLINE = "即将超期 / Due within 3 working days";
    static final String BREACHED = "已超期 / Past the time limit";
    static final String CLAIMED = "已认领 / Claimed by me";
    /** Process variable the SLA delegates keep up to date (RUNNING, WARNED, BREACHED, STOPPED). */
    static final String SLA_STATE = "slaState";
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

    /** The seeded queues: the name, what it is for, and the query (always inside the user's own groups). */
    record Queue(String name, String description, int priority, TaskQuery query) {
    }

    List<Queue> queues() {
        return List.of(
                new Queue(UNIT_QUEUE, "本单位的待办任务 / open tasks of my unit", -10, mine()),
                new Queue(NEAR_DEADLINE, "距法定时限不足3个工作日的案件 / cases with 3 working days or less left", -5,
                        mine().processVariableValueEquals(SLA_STATE, "WARNED")),
                new Queue(BREACHED, "已超过法定办理时限的案件 / cases past their legal time limit", -4,
                        mine().processVariableValueEquals(SLA_STATE, "BREACHED")),
                new Queue(CLAIMED, "我已认领的任务 / tasks I have claimed", 0,
                        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().asc()));
    }

    private TaskQuery mine() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByTaskCreateTime().asc();
    }

    private void seed() {
        for (Queue queue : queues()) {
            if (filterService.createFilterQuery().filterName(queue.name()).count() > 0) {
                continue;
            }
            Filter filter = filterService.newTaskFilter(queue.name())
                    .setQuery(queue.query())
                    .setProperties(Map.of("description", queue.description(), "priority", queue.priority(),
                            "refresh", true, "variables", List.of(Map.of("name", "caseSummary", "label", "案件概要"))));
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
}
