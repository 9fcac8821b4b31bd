package jiuzhu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
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
 * A dibao case from filing to an approved grant on a real PostgreSQL, driven only through the REST APIs as the demo
 * users would (assistant1 files, clerk1 and county1 work their tasks in the engine's REST API); the test plays the
 * job executor (it runs due jobs) and moves the engine clock over the publicity week. The engine keeps the name
 * "default" that the REST API addresses, so the context is closed after the class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class DibaoEndToEndPostgresTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();
    WebClient api;

    @BeforeEach
    void start() {
        api = WebClient.api(port);
        ClockUtil.setCurrentTime(at(2026, 9, 29, 10, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant());
    }

    @Test
    void aTownshipCaseRunsFromFilingToAGrantAndTheSlaTimerSitsOnTheCalendarsDeadline() throws Exception {
        String caseNumber = fileCase(Applications.dibao("371402001001", "371402001001"));
        String instanceId = jdbc.queryForObject("select process_instance_id from jz_case where case_number = ?", String.class, caseNumber);

        complete("clerk1", caseNumber, "Task_CheckCompleteness", Map.of("completeness", "ACCEPTED", "caseByCase", false));
        JsonNode breach = json.readTree(api.get("/engine-rest/job?activityId=Timer_SlaBreached&processInstanceId=" + instanceId,
                "manager", "demo").body());
        JsonNode deadline = json.readTree(api.get("/api/calendar/deadline?from=2026-09-29&workingDays=13", "clerk1", "demo").body());
        assertThat(deadline.get("deadline").asText()).isEqualTo("2026-10-22");
        assertThat(breach).hasSize(1);
        assertThat(breach.get(0).get("dueDate").asText()).isEqualTo("2026-10-23T00:00:00.000+0800");

        runDueJobs();
        homeVisit(caseNumber);
        runDueJobs();
        ClockUtil.setCurrentTime(at(2026, 10, 6, 10, 1));
        runDueJobs();
        complete("clerk1", caseNumber, "Task_TownshipDecision", Map.of("townshipDecision", "APPROVED"));
        runDueJobs();

        JsonNode file = json.readTree(api.get("/api/cases/" + caseNumber, "clerk1", "demo").body());
        assertThat(file.get("status").asText()).isEqualTo("APPROVED");
        assertThat(file.get("decision").asText()).isEqualTo("APPROVED");
        Map<String, Object> grant = jdbc.queryForMap("select monthly_amount_fen, first_month from jz_grant where case_number = ?", caseNumber);
        // Per-capita income (30000 + 20000) / 2 = 25000 fen against the urban demo standard 91000: (91000 - 25000) x 2.
        assertThat(((Number) grant.get("monthly_amount_fen")).longValue()).isEqualTo(132000L);
        assertThat(grant.get("first_month").toString()).isEqualTo("2026-11-01");
        JsonNode sla = json.readTree(api.get("/api/cases/" + caseNumber + "/sla", "clerk1", "demo").body());
        assertThat(sla.get("state").asText()).isEqualTo("STOPPED");
    }

    @Test
    void aNearRelativeCaseIsVisitedAndDecidedByTheCounty() throws Exception {
        String application = Applications.dibao("371402001001", "371402001001", Applications.OTHER_ID_2, Applications.OTHER_ID_3)
                .replace("\"nearRelative\":{\"declared\":false}", "\"nearRelative\":{\"declared\":true,\"note\":\"申请人系村委会委员之兄\"}");
        String caseNumber = fileCase(application);
        complete("clerk1", caseNumber, "Task_CheckCompleteness", Map.of("completeness", "ACCEPTED", "caseByCase", false));
        runDueJobs();
        homeVisit(caseNumber);
        runDueJobs();
        ClockUtil.setCurrentTime(at(2026, 10, 6, 10, 1));
        runDueJobs();

        // The county's task belongs to the case's township tenant: its clerks may read it, not claim or complete it.
        assertThat(taskIds("clerk2", caseNumber, "Task_CountyHomeVisit")).as("another township's clerk").isEmpty();
        assertCannotWork("clerk1", taskIds("clerk1", caseNumber, "Task_CountyHomeVisit"));
        complete("county1", caseNumber, "Task_CountyHomeVisit", Map.of("visitDate", "2026-10-07", "visitOfficer1", "刘德城",
                "visitOfficer2", "陈审核", "visitFindings", "县级入户核查属实"));
        complete("county1", caseNumber, "Task_CountyReview", Map.of("countyDecision", "APPROVED"));
        runDueJobs();

        JsonNode file = json.readTree(api.get("/api/cases/" + caseNumber, "county1", "demo").body());
        assertThat(file.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from jz_grant where case_number = ?", Integer.class, caseNumber)).isEqualTo(1);
    }

    @Test
    void theQueuesShowWarnedAndBreachedCasesToTheirTownshipAndTheHeadIsTold() throws Exception {
        String caseNumber = fileCase(Applications.dibao("371402001001", "371402001001", Applications.OTHER_ID_1,
                Applications.OTHER_ID_4));
        complete("clerk1", caseNumber, "Task_CheckCompleteness", Map.of("completeness", "ACCEPTED", "caseByCase", false));
        runDueJobs();
        assertThat(filterCount("clerk1", "即将超期 / Due within 3 working days")).isZero();

        // Accepted Tue 2026-09-29: the warning is due at the end of Mon Oct 19, the deadline at the end of Thu Oct 22.
        ClockUtil.setCurrentTime(at(2026, 10, 20, 0, 0));
        runDueJobs();
        assertThat(filterCount("clerk1", "即将超期 / Due within 3 working days")).isEqualTo(1);
        assertThat(filterCount("clerk2", "即将超期 / Due within 3 working days")).isZero();
        assertCannotWork("clerk1", taskIds("clerk1", caseNumber, "Task_NotifyTownshipHead"));
        assertThat(taskIds("clerk2", caseNumber, "Task_NotifyTownshipHead")).as("another township's clerk").isEmpty();
        // The Cockpit plugin's data, read in a manager's browser session: warned instances per activity, this case at its home visit.
        WebClient cockpit = WebClient.browser(port);
        cockpit.formLogin("manager", "demo");
        String definition = jdbc.queryForObject("select PROC_DEF_ID_ from ACT_RU_EXECUTION where PROC_INST_ID_ = ID_ and BUSINESS_KEY_ = ?",
                String.class, caseNumber);
        HttpResponse<String> overlay = cockpit.browse("/cockpit-api/sla/activities?processDefinitionId=" + definition);
        assertThat(overlay.statusCode()).isEqualTo(200);
        assertThat(overlay.body()).contains("{\"activityId\":\"Task_HomeVisit\",\"warned\":1,\"breached\":0}");
        assertThat(cockpit.browse("/cockpit-api/cases/" + caseNumber + "/sla").body()).contains("\"state\":\"WARNED\"");
        assertThat(api.get("/cockpit-api/sla/summary", "manager", "demo").statusCode()).as("session only, no Basic").isIn(302, 401);
        complete("head1", caseNumber, "Task_NotifyTownshipHead", Map.of("slaWarningAcknowledged", true));

        ClockUtil.setCurrentTime(at(2026, 10, 23, 0, 0));
        runDueJobs();
        assertThat(filterCount("clerk1", "已超期 / Past the time limit")).isEqualTo(1);
        assertThat(filterCount("county1", "已超期 / Past the time limit")).as("the county's supervision task").isEqualTo(1);
        assertThat(taskIds("county1", caseNumber, "Task_CountySupervision")).hasSize(1);

        assertThat(filterCount("clerk1", "已认领 / Claimed by me")).isZero();
        String homeVisit = taskIds("clerk1", caseNumber, "Task_HomeVisit").get(0);
        api.send("POST", "/engine-rest/task/" + homeVisit + "/claim", "clerk1", "demo", JSON, "{\"userId\":\"clerk1\"}");
        assertThat(filterCount("clerk1", "已认领 / Claimed by me")).isEqualTo(1);
    }

    /** A task of another group of the user's township: not in the user's queue, refused when claimed or completed. */
    void assertCannotWork(String user, List<String> ids) throws Exception {
        assertThat(ids).as(user + " reads the task of its township").hasSize(1);
        long queued = json.readTree(api.get("/engine-rest/task/count?candidateGroup=" + groupOf(user) + "&taskId=" + ids.get(0),
                user, "demo").body()).get("count").asLong();
        assertThat(queued).as("not a task of " + user + "'s group").isZero();
        HttpResponse<String> claim = api.send("POST", "/engine-rest/task/" + ids.get(0) + "/claim", user, "demo", JSON,
                "{\"userId\":\"" + user + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        HttpResponse<String> complete = api.send("POST", "/engine-rest/task/" + ids.get(0) + "/complete", user, "demo", JSON, "{}");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    }

    String groupOf(String user) {
        return jdbc.queryForObject("select g.id_ from act_id_membership m join act_id_group g on g.id_ = m.group_id_"
                + " where m.user_id_ = ? and g.type_ = 'UNIT'", String.class, user);
    }

    long filterCount(String user, String name) throws Exception {
        JsonNode filters = json.readTree(api.get("/engine-rest/filter?resourceType=Task", user, "demo").body());
        for (JsonNode f : filters) {
            if (name.equals(f.get("name").asText())) {
                return json.readTree(api.get("/engine-rest/filter/" + f.get("id").asText() + "/count", user, "demo").body())
                        .get("count").asLong();
            }
        }
        throw new AssertionError(user + " does not see the filter " + name);
    }

    String fileCase(String application) throws Exception {
        HttpResponse<String> filed = api.send("POST", "/api/applications", "assistant1", "demo", JSON, application);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return json.readTree(filed.body()).get("caseNumber").asText();
    }

    void homeVisit(String caseNumber) throws Exception {
        complete("clerk1", caseNumber, "Task_HomeVisit", Map.of("visitDate", "2026-09-30", "visitOfficer1", "李新湖",
                "visitOfficer2", "王协理", "visitFindings", "家庭收入与申报一致", "memberCanWork", false, "irregularIncome", false));
    }

    List<String> taskIds(String user, String caseNumber, String taskKey) throws Exception {
        JsonNode tasks = json.readTree(api.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey="
                + taskKey, user, "demo").body());
        return tasks.findValuesAsText("id");
    }

    /** As the user would in Tasklist: find the task in the queue, claim it, complete it with the form's variables. */
    void complete(String user, String caseNumber, String taskKey, Map<String, Object> variables) throws Exception {
        // Tasks of a called county review carry the same business key through the call activity.
        List<String> ids = taskIds(user, caseNumber, taskKey);
        assertThat(ids).as(user + " sees " + taskKey).hasSize(1);
        String id = ids.get(0);
        HttpResponse<String> claim = api.send("POST", "/engine-rest/task/" + id + "/claim", user, "demo", JSON,
                "{\"userId\":\"" + user + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
        var body = json.createObjectNode();
        var vars = body.putObject("variables");
        variables.forEach((name, value) -> {
            var v = vars.putObject(name);
            if (value instanceof Boolean b) {
                v.put("value", b).put("type", "Boolean");
            } else if (value instanceof Long l) {
                v.put("value", l).put("type", "Long");
            } else {
                v.put("value", value.toString()).put("type", "String");
            }
        });
        HttpResponse<String> done = api.send("POST", "/engine-rest/task/" + id + "/complete", user, "demo", JSON, body.toString());
        assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isIn(200, 204);
    }

    /** The job executor's part: run every due job until none is left (bounded, so a loop in a model fails the test). */
    void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("jobs still due after 50 rounds");
    }
}
