package jiuzhu.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.springframework.stereotype.Component;

/** Installs the township tenancy in the engine: each case's tenant, task grants that leave
 * reading to it, and the tenant check's refusal as 403. */
@Component
class TownshipTenancyPlugin extends AbstractProcessEnginePlugin {

    private final TownshipTenantIds tenantIds;

    TownshipTenancyPlugin(TownshipTenantIds tenantIds) {
        this.tenantIds = tenantIds;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(tenantIds);
        configuration.setResourceAuthorizationProvider(new TaskGrantsWithoutRead());
        configuration.setCommandCheckers(new ArrayList<>(List.of(TenantDenialAsForbidden.create(),
                new AuthorizationCommandChecker())));
    }
}
