package jiuzhu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jiuzhu.WebClient;

/**
 * Filing applications through {@code POST /api/applications}: routing to the township of registration wherever
 * filed, one open case per person, idempotent retries, and bad input refused whole with nothing left behind; reading
 * a case and listing a township's cases ({@code GET /api/cases}) within the user's units only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:intake-api-tests;DB_CLOSE_DELAY=-1"})
class IntakeApiTests {

    static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Intake intake;

    final ObjectMapper json = new ObjectMapper();
    WebClient api;

    @BeforeEach
    void clean() {
        api = WebClient.api(port);
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test reset"));
        jdbc.update("delete from jz_access_audit");
        jdbc.update("delete from jz_sla_ledger");
        jdbc.update("delete from jz_sla_clock");
        jdbc.update("delete from jz_case");
        jdbc.update("delete from jz_member");
        jdbc.update("delete from jz_household");
    }

    HttpResponse<String> file(String user, String body) {
        return api.send("POST", "/api/applications", user, "demo", JSON, body);
    }

    @Test
    void aVillageAssistantFilesAndTheCaseStartsAtTheTownshipOfRegistration() {
        HttpResponse<String> r = file("assistant1", Applications.dibao("371402001001", "371402001002"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).containsPattern("\"caseNumber\":\"DB-20\\d\\d-\\d{6}\"").contains("\"townshipCode\":\"371402001\"");
        String caseNumber = r.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber);

        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(instance).isNotNull();
        Map<String, Object> variables = runtime.getVariables(instance.getId());
        assertThat(variables).containsEntry("townshipGroup", "t371402001").containsEntry("countyGroup", "c371402")
                .containsEntry("unitCode", "371402001").containsEntry("nearRelative", false);
        List<HistoricVariableInstance> all = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list();
        assertThat(all).allSatisfy(v -> assertThat(String.valueOf(v.getValue()))
                .doesNotContain(Applications.APPLICANT_ID).doesNotContain(Applications.SPOUSE_ID));
        assertThat(jdbc.queryForObject("select count(*) from jz_member where id_cipher like '%371402%' or id_hash like '%371402198%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("select id_masked from jz_member order by id", String.class))
                .containsExactly("3714**********0012", "3714**********0021");
    }

    @Test
    void anApplicationFiledInAnotherTownshipIsRoutedHome() {
        // clerk2 works in 新华街道 (371402002); the household is registered in 新湖街道 (371402001): 就近异地申报.
        HttpResponse<String> r = file("clerk2", Applications.dibao("371402002", "371402001001"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"townshipCode\":\"371402001\"", "新湖街道");
        String caseNumber = r.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(api.get("/api/cases/" + caseNumber, "clerk1", "demo").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/cases/" + caseNumber, "clerk2", "demo").statusCode())
                .as("the filing township does not keep access to another township's case").isEqualTo(404);
    }

    @Test
    void nobodyFilesAtAServicePointThatIsNotTheirs() {
        HttpResponse<String> r = file("clerk2", Applications.dibao("371402001", "371402001001"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("NOT_YOUR_SERVICE_POINT");
        assertNothingStored();
    }

    @Test
    void aPersonInAnOpenCaseCannotBeInASecondOne() {
        assertThat(file("assistant1", Applications.dibao("371402001001", "371402001001")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = file("clerk1", Applications.dibao("371402001", "371402001001",
                Applications.OTHER_ID_1, Applications.SPOUSE_ID));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("DUPLICATE_APPLICATION", "3714**********0021").doesNotContain(Applications.SPOUSE_ID);
        assertThat(jdbc.queryForObject("select count(*) from jz_case", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from jz_household", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRetriedFilingWithTheSameIdempotencyKeyGivesTheSameCase() {
        String body = Applications.dibao("371402001001", "371402001001");
        HttpResponse<String> first = api.send("POST", "/api/applications", "assistant1", "demo", JSON, body, "Idempotency-Key", "retry-0001");
        HttpResponse<String> second = api.send("POST", "/api/applications", "assistant1", "demo", JSON, body, "Idempotency-Key", "retry-0001");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("select count(*) from jz_case", Integer.class)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWholeWithEveryProblemNamedAndNothingStored() {
        String good = Applications.dibao("371402001001", "371402001001");
        Object[][] cases = {
                {"{}", 400, "APPLICATION_INVALID", "servicePointCode"},
                {good.replace("\"residence\":\"URBAN\",", ""), 400, "APPLICATION_INVALID", "household.residence"},
                {good.replace(Applications.APPLICANT_ID, "371402198001010013"), 400, "members[0].idNumber", "3714**********0013"},
                {good.replace("\"monthlyIncomeFen\":30000", "\"monthlyIncomeFen\":-1"), 400, "OUT_OF_RANGE", "members[0].monthlyIncomeFen"},
                {good.replace("\"registrationCode\":\"371402001001\"", "\"registrationCode\":\"371499009009\""), 400, "UNKNOWN_UNIT", "371499009009"},
                {good.replace("\"relation\":\"APPLICANT\"", "\"relation\":\"SPOUSE\""), 400, "APPLICANT", "members"},
                {good.replace(Applications.SPOUSE_ID, Applications.APPLICANT_ID), 400, "DUPLICATE", "members[1].idNumber"},
                {good.replace("张三", "<script>alert(1)</script>"), 400, "UNSAFE_TEXT", "members[0].name"},
                {good.replace("\"type\":\"SUBSISTENCE_ALLOWANCE\"", "\"type\":\"TEMPORARY_RELIEF\""), 400, "TYPE_NOT_SUPPORTED", "type"},
                {good.replace("{\"type\"", "{\"surprise\":1,\"type\""), 400, "BODY_UNREADABLE", "request body"},
                {good.replace("30000", "\"lots\""), 400, "BODY_UNREADABLE", "request body"},
                {good.substring(0, good.length() / 2), 400, "BODY_UNREADABLE", "request body"},
                {good.replace("新湖街道幸福路1号", "x".repeat(70_000)), 413, "PAYLOAD_TOO_LARGE", "64 KiB"},
                {good.replace("\"nearRelative\":{\"declared\":false}", "\"nearRelative\":{\"declared\":true}"), 400, "nearRelative.note", "REQUIRED"}};
        for (Object[] c : cases) {
            HttpResponse<String> r = file("assistant1", (String) c[0]);
            assertThat(r.statusCode()).as(String.valueOf(c[0]).substring(0, Math.min(80, String.valueOf(c[0]).length())) + " → " + r.body())
                    .isEqualTo(c[1]);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(r.body()).contains((String) c[2], (String) c[3]).doesNotContain("Exception")
                    .doesNotContain(Applications.APPLICANT_ID.substring(0, 14));
        }
        assertNothingStored();
    }

    @Test
    void theCaseIsReadByItsTownshipInFullByTheCountyMaskedAndNotAtAllElsewhereAndEveryReadIsAudited() {
        HttpResponse<String> r = file("assistant1", Applications.dibao("371402001001", "371402001001"));
        String caseNumber = r.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> township = api.get("/api/cases/" + caseNumber, "clerk1", "demo");
        assertThat(township.statusCode()).isEqualTo(200);
        assertThat(township.body()).contains(Applications.APPLICANT_ID, "张三", "\"status\":\"FILED\"");
        HttpResponse<String> county = api.get("/api/cases/" + caseNumber, "county1", "demo");
        assertThat(county.statusCode()).isEqualTo(200);
        assertThat(county.body()).contains("3714**********0012").doesNotContain(Applications.APPLICANT_ID);
        for (String outsider : List.of("clerk2", "owner")) {
            HttpResponse<String> denied = api.get("/api/cases/" + caseNumber, outsider, "demo");
            assertThat(denied.statusCode()).isEqualTo(404);
            assertThat(denied.body()).doesNotContain("张三");
        }
        assertThat(jdbc.queryForList("select user_id from jz_access_audit where case_number = ? order by id", String.class, caseNumber))
                .containsExactly("clerk1", "county1");
    }

    @Test
    void anObjectionOutsideThePublicityPeriodIsAConflict() {
        HttpResponse<String> r = file("assistant1", Applications.dibao("371402001001", "371402001001"));
        String caseNumber = r.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> objection = api.send("POST", "/api/cases/" + caseNumber + "/objections", "clerk1", "demo", JSON,
                "{\"text\":\"该户有经营收入未申报\"}");
        assertThat(objection.statusCode()).isEqualTo(409);
        assertThat(objection.body()).contains("NOT_IN_PUBLICITY");
        assertThat(api.send("POST", "/api/cases/" + caseNumber + "/objections", "clerk2", "demo", JSON, "{\"text\":\"x\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aTownshipsStaffAndTheUnitsAboveListItsCasesNewestFirstPageByPageWithoutPersonalData() throws Exception {
        String first = caseNumberOf(file("assistant1", Applications.dibao("371402001001", "371402001001")));
        String second = caseNumberOf(file("assistant1", Applications.dibao("371402001001", "371402001002",
                Applications.OTHER_ID_1, Applications.OTHER_ID_2)));
        String third = caseNumberOf(file("clerk1", Applications.dibao("371402001", "371402001001",
                Applications.OTHER_ID_3, Applications.OTHER_ID_4)));
        String elsewhere = caseNumberOf(file("clerk2", Applications.dibao("371402002", "371402002001",
                "371402198505050018", "371402198606060012")));

        HttpResponse<String> own = api.get("/api/cases", "clerk1", "demo");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode list = json.readTree(own.body());
        assertThat(list.get("township").asText()).as("clerk1's own township by default").isEqualTo("371402001");
        assertThat(list.get("page").asInt()).isZero();
        assertThat(list.get("size").asInt()).isEqualTo(50);
        assertThat(list.get("total").asLong()).isEqualTo(3);
        assertThat(caseNumbers(list)).containsExactly(third, second, first);
        JsonNode line = list.get("cases").get(2);
        assertThat(line.get("assistanceType").asText()).isEqualTo("subsistence-allowance");
        assertThat(line.get("status").asText()).isEqualTo("FILED");
        assertThat(line.get("villageCode").asText()).isEqualTo("371402001001");
        assertThat(line.get("filedAt").isNull()).isFalse();
        assertThat(line.has("decision")).isTrue();
        assertThat(listOf(line.fieldNames())).containsExactlyInAnyOrder("caseNumber", "assistanceType", "status", "villageCode",
                "filedAt", "decision");
        assertThat(own.body()).doesNotContain(Applications.APPLICANT_ID, Applications.SPOUSE_ID, Applications.OTHER_ID_1,
                Applications.OTHER_ID_3, "3714**********", "张三", "李四", "幸福路", elsewhere);

        JsonNode page0 = json.readTree(api.get("/api/cases?township=371402001&size=2", "clerk1", "demo").body());
        JsonNode page1 = json.readTree(api.get("/api/cases?township=371402001&size=2&page=1", "clerk1", "demo").body());
        JsonNode page2 = json.readTree(api.get("/api/cases?township=371402001&size=2&page=2", "clerk1", "demo").body());
        assertThat(caseNumbers(page0)).containsExactly(third, second);
        assertThat(caseNumbers(page1)).containsExactly(first);
        JsonNode far = json.readTree(api.get("/api/cases?size=200&page=" + Integer.MAX_VALUE, "clerk1", "demo").body());
        assertThat(caseNumbers(page2)).isEmpty();
        assertThat(caseNumbers(far)).isEmpty();
        assertThat(List.of(page0, page1, page2, far)).allSatisfy(p -> assertThat(p.get("total").asLong()).isEqualTo(3));

        jdbc.update("update jz_case set status = 'ACCEPTED' where case_number = ?", second);
        assertThat(caseNumbers(json.readTree(api.get("/api/cases?status=ACCEPTED", "clerk1", "demo").body()))).containsExactly(second);
        JsonNode filed = json.readTree(api.get("/api/cases?status=FILED", "clerk1", "demo").body());
        assertThat(caseNumbers(filed)).containsExactly(third, first);
        assertThat(filed.get("total").asLong()).isEqualTo(2);
        assertThat(json.readTree(api.get("/api/cases?status=APPROVED", "clerk1", "demo").body()).get("total").asLong()).isZero();

        for (String above : List.of("county1", "manager", "admin")) {
            HttpResponse<String> r = api.get("/api/cases?township=371402001", above, "demo");
            assertThat(r.statusCode()).as(above + ": " + r.body()).isEqualTo(200);
            assertThat(caseNumbers(json.readTree(r.body()))).as(above).containsExactly(third, second, first);
        }
        assertThat(caseNumbers(json.readTree(api.get("/api/cases", "clerk2", "demo").body()))).containsExactly(elsewhere);
        assertThat(jdbc.queryForObject("select count(*) from jz_access_audit", Integer.class))
                .as("a list without personal data is not a read of a case file").isZero();
    }

    @Test
    void listingTheCasesOfATownshipOutsideOnesUnitsIsForbiddenNotAnEmptyList() {
        String caseNumber = caseNumberOf(file("assistant1", Applications.dibao("371402001001", "371402001001")));
        for (String[] probe : new String[][] {{"clerk1", "371402002"}, {"clerk2", "371402001"}, {"assistant1", "371402001"},
                {"owner", "371402001"}}) {
            HttpResponse<String> r = api.get("/api/cases?township=" + probe[1], probe[0], "demo");
            assertThat(r.statusCode()).as(probe[0] + " lists " + probe[1] + ": " + r.body()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(r.body()).contains("TOWNSHIP_NOT_YOURS", "只能查看", "you may list only").doesNotContain(caseNumber);
        }
        for (String withoutOneTownship : List.of("county1", "assistant1", "manager")) {
            HttpResponse<String> r = api.get("/api/cases", withoutOneTownship, "demo");
            assertThat(r.statusCode()).as(withoutOneTownship).isEqualTo(400);
            assertThat(r.body()).contains("TOWNSHIP_REQUIRED", "township", "请用参数", "is required");
        }
    }

    @Test
    void badListParametersAreRefusedWithABilingualProblem() {
        Object[][] cases = {
                {"status=PENDING", "STATUS_INVALID", "status must be one of FILED, INCOMPLETE"},
                {"status=filed", "STATUS_INVALID", "status must be one of"},
                {"size=0", "SIZE_INVALID", "size must be 1..200"},
                {"size=201", "SIZE_INVALID", "size must be 1..200"},
                {"page=-1", "PAGE_INVALID", "page must be 0 or more"},
                {"page=first", "PARAMETER_INVALID", "parameter page must be"},
                {"township=37140200", "TOWNSHIP_INVALID", "9-digit township code"},
                {"township=371402001001", "TOWNSHIP_INVALID", "9-digit township code"},
                {"township=371402099", "UNKNOWN_TOWNSHIP", "unknown township code 371402099"}};
        for (Object[] c : cases) {
            HttpResponse<String> r = api.get("/api/cases?" + c[0], "clerk1", "demo");
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(r.body()).as((String) c[0]).contains((String) c[1], (String) c[2]).containsPattern("\\p{IsHan}")
                    .doesNotContain("Exception");
        }
    }

    static String caseNumberOf(HttpResponse<String> filed) {
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return filed.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
    }

    static List<String> caseNumbers(JsonNode page) {
        return listOf(page.get("cases").elements()).stream().map(c -> c.get("caseNumber").asText()).toList();
    }

    static <T> List<T> listOf(java.util.Iterator<T> items) {
        List<T> all = new java.util.ArrayList<>();
        items.forEachRemaining(all::add);
        return all;
    }

    void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from jz_case", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from jz_household", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from jz_member", Integer.class)).isZero();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aCaseIsNeverLinkedToAnInstanceOutsideItsTownshipsTenant() {
        Map<String, Object> variables = Map.of("unitCode", "371402001", "townshipGroup", "t371402001", "countyGroup", "c371402");
        assertThatThrownBy(() -> intake.linkProcessInstance("DB-2026-999999", "no-such-instance", null, variables))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tenant");
        assertThatThrownBy(() -> intake.linkProcessInstance("DB-2026-999999", "no-such-instance", "371402002", variables))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("租户");
    }
}
