package jiuzhu.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs the township tenancy in the engine: each case's tenant, task grants that leave reading to it, the tenant
 * check's refusal as 403, and authorization checks without a scan of all grants per command.
 */
@Component
class TownshipTenancyPlugin extends AbstractProcessEnginePlugin {

    private final TownshipTenantIds tenantIds;
    /** Camunda's scan of all grants before each check: only a benchmark's "stock" configuration turns it back on. */
    private final boolean groupScan;

    TownshipTenancyPlugin(TownshipTenantIds tenantIds,
            @Value("${jiuzhu.authorization.group-scan:false}") boolean groupScan) {
        this.tenantIds = tenantIds;
        this.groupScan = groupScan;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(tenantIds);
        configuration.setResourceAuthorizationProvider(new TaskGrantsWithoutRead());
        if (!groupScan) {
            List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                    ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
            sessionFactories.add(new AuthorizationWithoutGroupScan.Factory());
            configuration.setCustomSessionFactories(sessionFactories);
        }
        configuration.setCommandCheckers(new ArrayList<>(List.of(TenantDenialAsForbidden.create(),
                new AuthorizationCommandChecker())));
    }
}
