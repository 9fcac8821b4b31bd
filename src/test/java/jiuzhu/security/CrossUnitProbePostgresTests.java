package jiuzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jiuzhu.EmbeddedPostgresConfiguration;
import jiuzhu.WebClient;

/**
 * The cross-unit probe, on PostgreSQL: a case of township A (新湖街道) waits at its home visit; the clerk of
 * township B, the village assistant and the city manager try every read and write on it through the engine REST API
 * (what Tasklist and Cockpit use) and Jiuzhu's API. Every attempt outside the rules is refused and the case is
 * unchanged; the case's own township and its county can read it, and list it among the township's cases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class CrossUnitProbePostgresTests {

    static final String JSON = "application/json";
    static final String APPLICATION = """
            {"type":"SUBSISTENCE_ALLOWANCE","servicePointCode":"371402001001",
             "household":{"registrationCode":"371402001001","residence":"URBAN","ownsNonEssentialVehicle":false},
             "members":[{"name":"张三","idNumber":"371402198808080054","relation":"APPLICANT","canWork":false,
                         "monthlyIncomeFen":30000,"financialAssetsFen":0}],
             "nearRelative":{"declared":false}}
            """;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    TownshipTenants tenants;
    final ObjectMapper json = new ObjectMapper();
    WebClient api;
    static String caseNumber;
    static String instanceId;
    static String taskId;

    @BeforeEach
    void aCaseOfTownshipAWaitsAtItsHomeVisit() throws Exception {
        api = WebClient.api(port);
        if (caseNumber != null) {
            return;
        }
        HttpResponse<String> filed = api.send("POST", "/api/applications", "assistant1", "demo", JSON, APPLICATION);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        caseNumber = json.readTree(filed.body()).get("caseNumber").asText();
        instanceId = json.readTree(filed.body()).get("processInstanceId").asText();
        Task check = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        tasks.complete(check.getId(), Map.of("completeness", "ACCEPTED", "caseByCase", false));
        for (Job job : management.createJobQuery().processInstanceId(instanceId).executable().list()) {
            management.executeJob(job.getId());
        }
        taskId = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_HomeVisit").singleResult().getId();
    }

    @Test
    void anotherTownshipsClerkCanNeitherSeeNorTouchTheCase() {
        String snapshot = snapshot();
        String user = "clerk2";
        for (String path : List.of("/engine-rest/task/" + taskId, "/engine-rest/task/" + taskId + "/variables",
                "/engine-rest/task/" + taskId + "/form-variables", "/engine-rest/task/" + taskId + "/deployed-form",
                "/engine-rest/process-instance/" + instanceId, "/engine-rest/process-instance/" + instanceId + "/variables",
                "/engine-rest/process-instance/" + instanceId + "/activity-instances",
                "/api/cases/" + caseNumber, "/api/cases/" + caseNumber + "/sla", "/api/cases/" + caseNumber + "/status",
                "/api/cases?township=371402001", "/api/cases?township=371402001&status=ACCEPTED")) {
            HttpResponse<String> r = api.get(path, user, "demo");
            assertThat(r.statusCode()).as(user + " GET " + path + " → " + r.body()).isIn(403, 404);
            assertThat(r.body()).doesNotContain("371402198808080054", "张三");
        }
        for (String query : List.of("/engine-rest/task?processInstanceId=" + instanceId,
                "/engine-rest/task?candidateGroup=t371402001", "/engine-rest/process-instance?processInstanceIds=" + instanceId,
                "/engine-rest/history/process-instance?processInstanceId=" + instanceId,
                "/engine-rest/history/task?processInstanceId=" + instanceId,
                "/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
                "/engine-rest/history/activity-instance?processInstanceId=" + instanceId,
                "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
                "/engine-rest/job?processInstanceId=" + instanceId)) {
            HttpResponse<String> r = api.get(query, user, "demo");
            assertThat(r.statusCode()).as(query).isIn(200, 403);
            if (r.statusCode() == 200) {
                assertThat(r.body()).as(user + " " + query).isEqualTo("[]");
            }
        }
        HttpResponse<String> list = api.get("/api/cases?township=371402001", user, "demo");
        assertThat(list.statusCode()).as("listing township A is refused, not answered with an empty list").isEqualTo(403);
        assertThat(list.body()).contains("TOWNSHIP_NOT_YOURS").doesNotContain(caseNumber);
        triesEveryWrite(user);
        assertThat(snapshot()).isEqualTo(snapshot);
    }

    @Test
    void theVillageAssistantAndTheManagerCannotWorkOrChangeTheCase() {
        String snapshot = snapshot();
        triesEveryWrite("assistant1");
        triesEveryWrite("manager");
        assertThat(snapshot()).isEqualTo(snapshot);
        assertThat(api.get("/api/cases/" + caseNumber + "/status", "assistant1", "demo").statusCode())
                .as("the filing village follows the status").isEqualTo(200);
        assertThat(api.get("/api/cases/" + caseNumber, "assistant1", "demo").statusCode())
                .as("but does not read the file").isEqualTo(404);
    }

    @Test
    void theCasesTownshipAndCountyReadItsInstanceInTheEngine() {
        for (String user : List.of("clerk1", "county1")) {
            HttpResponse<String> instance = api.get("/engine-rest/process-instance/" + instanceId, user, "demo");
            assertThat(instance.statusCode()).as(user + ": " + instance.body()).isEqualTo(200);
            assertThat(api.get("/engine-rest/process-instance/" + instanceId + "/variables", user, "demo").body())
                    .contains("townshipGroup").doesNotContain("371402198808080054");
        }
        assertThat(api.get("/engine-rest/task/" + taskId, "clerk1", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void theCasesTownshipAndTheUnitsAboveListItWithoutPersonalData() throws Exception {
        String status = jdbc.queryForObject("select status from jz_case where case_number = ?", String.class, caseNumber);
        for (String user : List.of("clerk1", "county1", "manager")) {
            HttpResponse<String> r = api.get("/api/cases?township=371402001&status=" + status, user, "demo");
            assertThat(r.statusCode()).as(user + ": " + r.body()).isEqualTo(200);
            assertThat(json.readTree(r.body()).get("total").asLong()).isEqualTo(1);
            assertThat(json.readTree(r.body()).get("cases").get(0).get("caseNumber").asText()).isEqualTo(caseNumber);
            assertThat(r.body()).doesNotContain("371402198808080054", "3714**********0054", "张三");
        }
        JsonNode own = json.readTree(api.get("/api/cases?size=1", "clerk1", "demo").body());
        assertThat(own.get("township").asText()).isEqualTo("371402001");
        assertThat(own.get("cases").get(0).get("caseNumber").asText()).isEqualTo(caseNumber);
        JsonNode otherStatus = json.readTree(api.get("/api/cases?status=" + ("FILED".equals(status) ? "REFUSED" : "FILED"), "clerk1",
                "demo").body());
        assertThat(otherStatus.get("total").asLong()).isZero();
        assertThat(otherStatus.get("cases")).isEmpty();
    }

    @Test
    void theProcessOwnerDeploysButReadsNoCaseData() {
        for (String path : List.of("/engine-rest/process-instance/" + instanceId, "/engine-rest/process-instance/" + instanceId + "/variables",
                "/engine-rest/task/" + taskId, "/api/cases/" + caseNumber, "/api/cases?township=371402001")) {
            assertThat(api.get(path, "owner", "demo").statusCode()).as("owner GET " + path).isIn(403, 404);
        }
        assertThat(api.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId, "owner", "demo").body()).isEqualTo("[]");
        assertThat(api.get("/engine-rest/process-definition?key=subsistence-allowance", "owner", "demo").body()).contains("subsistence-allowance");
    }

    @Test
    void expressionsInRestQueriesAreRefused() {
        for (String query : List.of("/engine-rest/task?assigneeExpression=${currentUser()}",
                "/engine-rest/task?candidateGroupsExpression=${currentUserGroups()}",
                "/engine-rest/task?dueBeforeExpression=${now()}")) {
            HttpResponse<String> r = api.get(query.replace("{", "%7B").replace("}", "%7D"), "clerk1", "demo");
            assertThat(r.statusCode()).as(query + " → " + r.body()).isIn(400, 403);
            assertThat(r.body()).containsIgnoringCase("expressions are forbidden");
        }
    }

    @Test
    void noTableOfTheDatabaseHoldsAResidentIdNumberInPlainText() {
        String id = "371402198808080054";
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name, data_type from information_schema.columns"
                + " where table_schema = 'public' and data_type in ('character varying', 'text', 'character', 'bytea')");
        assertThat(columns).hasSizeGreaterThan(100);
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            String match = "bytea".equals(c.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in \"" + column + "\") > 0"
                    : "\"" + column + "\" like '%' || ? || '%'";
            Integer hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where " + match, Integer.class, id);
            assertThat(hits).as(table + "." + column).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from jz_member where id_masked = '3714**********0054'", Integer.class)).isEqualTo(1);
    }

    void triesEveryWrite(String user) {
        Object[][] writes = {
                {"POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}"},
                {"POST", "/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"" + user + "\"}"},
                {"POST", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}"},
                {"POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{\"visitFindings\":{\"value\":\"x\"}}}"},
                {"PUT", "/engine-rest/task/" + taskId + "/variables/probe", "{\"value\":\"x\",\"type\":\"String\"}"},
                {"POST", "/engine-rest/process-instance/" + instanceId + "/variables", "{\"modifications\":{\"townshipGroup\":{\"value\":\"t371402002\"}}}"},
                {"PUT", "/engine-rest/process-instance/" + instanceId + "/variables/townshipGroup", "{\"value\":\"t371402002\",\"type\":\"String\"}"},
                {"POST", "/engine-rest/process-instance/" + instanceId + "/modification", "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_HomeVisit\"}]}"},
                {"PUT", "/engine-rest/process-instance/" + instanceId + "/suspended", "{\"suspended\":true}"},
                {"DELETE", "/engine-rest/process-instance/" + instanceId, null},
                {"POST", "/engine-rest/message", "{\"messageName\":\"ExtensionRequested\",\"businessKey\":\"" + caseNumber + "\"}"},
                {"POST", "/api/cases/" + caseNumber + "/objections", "{\"text\":\"探测\"}"},
                {"POST", "/api/cases/" + caseNumber + "/extension-requests", "{\"text\":\"探测\"}"}};
        for (Object[] w : writes) {
            HttpResponse<String> r = api.send((String) w[0], (String) w[1], user, "demo", w[2] == null ? null : JSON, (String) w[2]);
            assertThat(r.statusCode()).as(user + " " + w[0] + " " + w[1] + " → " + r.body()).isIn(400, 403, 404);
        }
    }

    /** Everything the probe could have changed: task, assignee, variables, instance state, case row, clock. */
    String snapshot() {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task.getId() + "|" + task.getAssignee() + "|" + new java.util.TreeMap<>(runtime.getVariables(instanceId))
                + "|" + runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().isSuspended()
                + "|" + jdbc.queryForMap("select status, decision from jz_case where case_number = ?", caseNumber)
                + "|" + jdbc.queryForObject("select count(*) from jz_sla_ledger where case_number = ?", Integer.class, caseNumber);
    }

    @Test
    void theCaseRunsInItsTownshipsTenantAndItsTasksGrantWorkNotReading() {
        assertThat(jdbc.queryForList("select distinct tenant_id_ from act_ru_execution where root_proc_inst_id_ = ?",
                String.class, instanceId)).containsExactly("371402001");
        assertThat(jdbc.queryForList("select distinct tenant_id_ from act_ru_task where proc_inst_id_ = ?", String.class,
                instanceId)).containsExactly("371402001");
        // The home visit's candidate group may work the task (UPDATE = 4) but reads it through its tenant (READ = 2).
        Integer perms = jdbc.queryForObject("select perms_ from act_ru_authorization where resource_type_ = 7"
                + " and resource_id_ = ? and group_id_ = 't371402001'", Integer.class, taskId);
        assertThat(perms & 4).isEqualTo(4);
        assertThat(perms & 2).isZero();
        HttpResponse<String> claim = api.send("POST", "/engine-rest/task/" + taskId + "/claim", "clerk2", "demo", JSON,
                "{\"userId\":\"clerk2\"}");
        assertThat(claim.statusCode()).as("the tenant check's refusal is a 403, not a server error").isEqualTo(403);
        assertThat(claim.body()).contains("无权访问其他乡镇的案件");
        assertThat(identity.createTenantQuery().userMember("clerk1").includingGroupsOfUser(true).list())
                .extracting(t -> t.getId()).containsExactly("371402001");
        assertThat(identity.createTenantQuery().userMember("county1").includingGroupsOfUser(true).count())
                .as("the county's townships").isGreaterThan(1);
        assertThat(identity.createTenantQuery().userMember("assistant1").includingGroupsOfUser(true).count())
                .as("villages work no task").isZero();
    }

    @Test
    void theRegistryOwnsTheTownshipTenantsMembershipsAndLeavesOthersAlone() {
        identity.createTenantGroupMembership("371402001", "c371403");
        identity.createTenantGroupMembership("371402001", "owners");
        tenants.sync();
        assertThat(identity.createGroupQuery().memberOfTenant("371402001").list()).extracting(g -> g.getId())
                .doesNotContain("c371403").contains("owners", "t371402001", "h371402001", "c371402", "managers");
        identity.deleteTenantGroupMembership("371402001", "owners");
    }

    @Test
    void casesStartedBeforeTenantsGetTheirTownshipsTenant() {
        String snapshot = snapshot();
        for (String table : List.of("act_ru_task", "act_ru_variable", "act_ru_event_subscr")) {
            jdbc.update("update " + table + " set tenant_id_ = null where proc_inst_id_ = ?", instanceId);
        }
        jdbc.update("update act_ru_job set tenant_id_ = null where process_instance_id_ = ?", instanceId);
        jdbc.update("update act_ru_execution set tenant_id_ = null where root_proc_inst_id_ = ?", instanceId);
        assertThat(api.get("/engine-rest/task/" + taskId, "clerk2", "demo").statusCode())
                .as("without a tenant, READ_TASK alone would open the task to every township").isEqualTo(200);
        tenants.backfill();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where root_proc_inst_id_ = ?"
                + " and (tenant_id_ is null or tenant_id_ <> '371402001')", Integer.class, instanceId)).isZero();
        for (String table : List.of("act_ru_task", "act_ru_variable")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where proc_inst_id_ = ?"
                    + " and (tenant_id_ is null or tenant_id_ <> '371402001')", Integer.class, instanceId)).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where process_instance_id_ = ? and tenant_id_ is null",
                Integer.class, instanceId)).isZero();
        assertThat(api.get("/engine-rest/task/" + taskId, "clerk2", "demo").statusCode()).as("hidden by the tenant check").isEqualTo(404);
        assertThat(api.get("/engine-rest/task/" + taskId, "clerk1", "demo").statusCode()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(snapshot);
    }
}
