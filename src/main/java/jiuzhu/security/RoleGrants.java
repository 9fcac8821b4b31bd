package jiuzhu.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jiuzhu.system.StartupLock;

/**
 * Creates the role groups and their Camunda grants at start-up, adding what is missing and never removing what an
 * administrator added. Staff roles read tasks of every definition (READ_TASK), but only within the tenants of their
 * townships (TownshipTenants): which townships' work a user sees comes from his unit, which task he may work from
 * the task's candidate group.
 */
@Component
@Order(RoleGrants.ORDER)
class RoleGrants implements ApplicationRunner {

    static final int ORDER = 10;

    record Grant(RoleGroup role, Resource resource, String resourceId, List<Permission> permissions) {
    }

    /** The whole role model in one table: a reviewer reads it against the README's security section. */
    static final List<Grant> GRANTS = List.of(
            new Grant(RoleGroup.CLERKS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(RoleGroup.CLERKS, Resources.PROCESS_DEFINITION, ANY,
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
                            ProcessDefinitionPermissions.READ_TASK)),
            new Grant(RoleGroup.CLERKS, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
            new Grant(RoleGroup.HEADS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(RoleGroup.HEADS, Resources.PROCESS_DEFINITION, ANY,
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK)),
            new Grant(RoleGroup.COUNTY_OFFICERS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(RoleGroup.COUNTY_OFFICERS, Resources.PROCESS_DEFINITION, ANY,
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK)),
            new Grant(RoleGroup.ASSISTANTS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(RoleGroup.ASSISTANTS, Resources.PROCESS_DEFINITION, ANY,
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(RoleGroup.ASSISTANTS, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
            new Grant(RoleGroup.MANAGERS, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(RoleGroup.MANAGERS, Resources.PROCESS_DEFINITION, ANY,
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK)),
            new Grant(RoleGroup.MANAGERS, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.READ)),
            new Grant(RoleGroup.MANAGERS, Resources.TASK, ANY, List.of(Permissions.READ)),
            new Grant(RoleGroup.MANAGERS, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
            new Grant(RoleGroup.MANAGERS, Resources.DECISION_DEFINITION, ANY,
                    List.of(Permissions.READ, Permissions.READ_HISTORY)),
            new Grant(RoleGroup.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(RoleGroup.OWNERS, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(RoleGroup.OWNERS, Resources.DEPLOYMENT, ANY,
                    List.of(Permissions.CREATE, Permissions.READ, Permissions.DELETE)),
            new Grant(RoleGroup.OWNERS, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)),
            new Grant(RoleGroup.OWNERS, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(RoleGroup.OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)));

    private final IdentityService identityService;
    private final StartupLock startupLock;
    private final AuthorizationService authorizationService;

    RoleGrants(IdentityService identityService, AuthorizationService authorizationService, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::seed);
    }

    private void seed() {
        ensureGroups(identityService);
        GRANTS.forEach(this::ensure);
        // Administrators may do everything, as the grants Camunda gives its own first admin user: the engine does
        // not treat the camunda-admin group as all-powerful without them.
        for (Resources resource : Resources.values()) {
            ensure(new Grant(RoleGroup.ADMINS, resource, ANY, List.of(Permissions.ALL)));
        }
    }

    /** The role groups, created where missing (also by TownshipTenants, which runs first and needs the managers). */
    static void ensureGroups(IdentityService identityService) {
        for (RoleGroup role : RoleGroup.values()) {
            if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identityService.newGroup(role.groupId());
                group.setName(role.chineseName());
                group.setType(RoleGroup.GROUP_TYPE);
                identityService.saveGroup(group);
            }
        }
    }

    private void ensure(Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.role().groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        Authorization auth = existing;
        if (auth == null) {
            auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(grant.role().groupId());
            auth.setResource(grant.resource());
            auth.setResourceId(grant.resourceId());
        }
        boolean changed = existing == null;
        for (Permission p : grant.permissions()) {
            if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(auth);
        }
    }
}
