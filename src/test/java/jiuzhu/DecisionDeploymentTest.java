package jiuzhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision files deploy to a real (in-memory H2) process engine that enforces a history time to live,
 * as 7.20+ does by default, and evaluate there through the DecisionService the processes will use.
 */
class DecisionDeploymentTest {

    static ProcessEngine engine;

    @BeforeAll
    static void deploy() throws IOException {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:decisions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setJobExecutorActivate(false)
                .setProcessEngineName("decisions-" + UUID.randomUUID());
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setDbMetricsReporterActivate(false);
        engine = configuration.buildProcessEngine();

        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("decisions");
        for (String name : new String[] {"subsistence-eligibility.dmn", "county-escalation.dmn"}) {
            try (InputStream in = Files.newInputStream(Path.of("processes", name))) {
                deployment.addString(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        deployment.deploy();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void everyDecisionIsDeployedWithItsTimeToLive() {
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
                .extracting(DecisionDefinition::getKey, DecisionDefinition::getHistoryTimeToLive)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("subsistence-local-standard", 180),
                        Tuple.tuple("subsistence-eligibility", 180),
                        Tuple.tuple("county-escalation", 180));
    }

    @Test
    void eligibilityEvaluatesInTheEngineWithItsRequiredDecision() {
        DmnDecisionResultEntries result = engine.getDecisionService()
                .evaluateDecisionByKey("subsistence-eligibility")
                .variables(Variables.createVariables()
                        .putValue("countyCode", "371425")
                        .putValue("residence", "RURAL")
                        .putValue("householdSize", 4)
                        .putValue("perCapitaIncomeFen", 25_000L)
                        .putValue("perCapitaFinancialAssetsFen", 0)
                        .putValue("ownsNonEssentialVehicle", false))
                .evaluate().getSingleResult();

        assertThat(result.get("eligible")).isEqualTo(true);
        assertThat(result.get("monthlyAmountFen")).isInstanceOf(Integer.class).isEqualTo(200_000); // (75000 − 25000) × 4
    }

    @Test
    void escalationEvaluatesInTheEngine() {
        DmnDecisionResultEntries result = engine.getDecisionService()
                .evaluateDecisionByKey("county-escalation")
                .variables(Variables.createVariables()
                        .putValue("assistanceType", "temporary-relief")
                        .putValue("nearRelative", null)
                        .putValue("amountFen", 300_001))
                .evaluate().getSingleResult();

        assertThat(result.get("needsCounty")).isEqualTo(true);
        assertThat(result.get("reasonCode")).isEqualTo("RELIEF_ABOVE_TOWNSHIP_LIMIT");
    }
}
