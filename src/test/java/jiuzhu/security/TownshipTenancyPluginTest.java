package jiuzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** What the plugin puts into the engine's configuration, before the engine is built from it. */
class TownshipTenancyPluginTest {

    @Test
    void installsTenancyGrantsTheForbiddenTenantCheckAndTheManagerWithoutGroupScan() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new TownshipTenancyPlugin(new TownshipTenantIds(null), false).preInit(configuration);
        assertThat(configuration.getTenantIdProvider()).isInstanceOf(TownshipTenantIds.class);
        assertThat(configuration.getResourceAuthorizationProvider()).isInstanceOf(TaskGrantsWithoutRead.class);
        assertThat(configuration.getCommandCheckers()).hasSize(2);
        assertThat(configuration.getCustomSessionFactories())
                .anySatisfy(f -> assertThat(f).isInstanceOf(AuthorizationWithoutGroupScan.Factory.class));
    }

    @Test
    void theStockBenchmarkConfigurationKeepsCamundasManager() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new TownshipTenancyPlugin(new TownshipTenantIds(null), true).preInit(configuration);
        assertThat(configuration.getCustomSessionFactories()).isNullOrEmpty();
        assertThat(configuration.getTenantIdProvider()).isInstanceOf(TownshipTenantIds.class);
    }
}
