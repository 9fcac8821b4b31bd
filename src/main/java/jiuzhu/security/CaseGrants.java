package jiuzhu.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Per-case Camunda grants: when a case is routed, the township that works it and the county above it may read its
 * process instance (and so its variables and activity) in the engine REST API and the webapps, and nobody else
 * may. Tasks are granted to their candidate group by the engine itself.
 */
@Service
public class CaseGrants {

    private final AuthorizationService authorizations;

    CaseGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void routed(String processInstanceId, String townshipGroup, String countyGroup) {
        grantRead(processInstanceId, townshipGroup);
        grantRead(processInstanceId, countyGroup);
    }

    private void grantRead(String processInstanceId, String groupId) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(processInstanceId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
