package jiuzhu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import jiuzhu.WebClient;

/**
 * Filing through Tasklist's start form, as Tasklist submits it ({@code submit-form} on the engine REST API): the case
 * is registered by the same intake, and the personal fields end up encrypted in Jiuzhu's tables and nowhere in the
 * engine, neither as variables nor in history. The engine keeps the name "default" that the REST API addresses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:tasklist-start-form-tests;DB_CLOSE_DELAY=-1"})
class TasklistStartFormTests {

    static final String SUBMIT = "/engine-rest/process-definition/key/subsistence-allowance/submit-form";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    final ObjectMapper json = new ObjectMapper();
    WebClient api;

    @BeforeEach
    void client() {
        api = WebClient.api(port);
    }

    static String form(String idNumber) {
        return """
                {"variables":{
                  "intakeChannel":{"value":"TASKLIST","type":"String"},
                  "servicePointCode":{"value":"371402001001","type":"String"},
                  "registrationCode":{"value":"371402001002","type":"String"},
                  "residence":{"value":"RURAL","type":"String"},
                  "address":{"value":"新湖二村","type":"String"},
                  "ownsNonEssentialVehicle":{"value":false,"type":"Boolean"},
                  "nearRelativeDeclared":{"value":false,"type":"Boolean"},
                  "piiMember1Name":{"value":"王五","type":"String"},
                  "piiMember1IdNumber":{"value":"%s","type":"String"},
                  "member1CanWork":{"value":false,"type":"Boolean"},
                  "member1MonthlyIncomeYuan":{"value":"350.50","type":"String"},
                  "member1FinancialAssetsYuan":{"value":"2000","type":"String"}}}
                """.formatted(idNumber);
    }

    @Test
    void theStartFormFilesTheCaseAndNoIdNumberStaysInTheEngine() throws Exception {
        HttpResponse<String> started = api.send("POST", SUBMIT, "assistant1", "demo", "application/json", form(Applications.OTHER_ID_1));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json.readTree(started.body()).get("id").asText();
        String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
        assertThat(caseNumber).matches("DB-20\\d\\d-\\d{6}");

        assertThat(jdbc.queryForMap("select township_code, process_instance_id, filed_by from jz_case where case_number = ?", caseNumber))
                .containsEntry("township_code", "371402001").containsEntry("process_instance_id", instanceId)
                .containsEntry("filed_by", "assistant1");
        assertThat(jdbc.queryForObject("select monthly_income_fen from jz_member m join jz_case c on c.household_id = m.household_id"
                + " where c.case_number = ?", Long.class, caseNumber)).isEqualTo(35050L);
        assertThat(runtime.getVariables(instanceId)).doesNotContainKeys("piiMember1IdNumber", "piiMember1Name")
                .containsEntry("townshipGroup", "t371402001");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list())
                .noneMatch(v -> v.getName().startsWith("pii") || String.valueOf(v.getValue()).contains(Applications.OTHER_ID_1));
        assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).list())
                .noneMatch(d -> d.toString().contains(Applications.OTHER_ID_1));
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where NAME_ like 'pii%' or TEXT_ like ?",
                Integer.class, "%" + Applications.OTHER_ID_1 + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where NAME_ like 'pii%' or TEXT_ like ?",
                Integer.class, "%" + Applications.OTHER_ID_1 + "%")).isZero();
    }

    @Test
    void aBadStartFormStartsNothingAndSaysWhy() {
        int cases = jdbc.queryForObject("select count(*) from jz_case", Integer.class);
        long instances = runtime.createProcessInstanceQuery().count();
        HttpResponse<String> refused = api.send("POST", SUBMIT, "assistant1", "demo", "application/json",
                form("371402199005050033"));
        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("members[0].idNumber", "3714**********0033").doesNotContain("371402199005050033");
        assertThat(jdbc.queryForObject("select count(*) from jz_case", Integer.class)).isEqualTo(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where TEXT_ like '%371402199005050033%'", Integer.class)).isZero();
    }
}
