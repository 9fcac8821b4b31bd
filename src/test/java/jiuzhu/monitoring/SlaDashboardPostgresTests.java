package jiuzhu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jiuzhu.EmbeddedPostgresConfiguration;
import jiuzhu.WebClient;
import jiuzhu.calendar.SlaClock;

/**
 * The SLA figures managers see, on PostgreSQL, from six prepared cases with known deadlines (the engine clock set by
 * the test): open, warned and breached counts per county, township and type, the township ranking by on-time rate,
 * and each user seeing only the units they belong to.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(EmbeddedPostgresConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
class SlaDashboardPostgresTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String TYPE = "subsistence-allowance";

    @Autowired
    SlaClock clock;
    @LocalServerPort
    int port;
    final ObjectMapper json = new ObjectMapper();

    static void at(int m, int d, int h) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, m, d, h, 0).atZone(SHANGHAI).toInstant()));
    }

    @BeforeAll
    void sixCases() {
        at(9, 29, 10);
        clock.start("A1", TYPE, "371402001", null, "clerk1");
        clock.start("A2", TYPE, "371402001", null, "clerk1");
        clock.start("A3", TYPE, "371402001", null, "clerk1");
        clock.start("B1", TYPE, "371402002", null, "clerk2");
        clock.start("B2", TYPE, "371402002", null, "clerk2");
        clock.start("C1", TYPE, "371403001", null, "system");
        at(10, 9, 15);
        clock.stop("A2", "decided", "clerk1");
        at(10, 10, 11);
        clock.stop("B1", "decided", "clerk2");
        at(10, 20, 0);
        clock.markWarned("A1", "system");
        at(10, 23, 0);
        clock.markBreached("A3", "system");
        clock.markBreached("B2", "system");
        at(10, 26, 9);
        clock.stop("A3", "decided late", "clerk1");
        ClockUtil.reset();
    }

    @AfterAll
    void reset() {
        ClockUtil.reset();
    }

    JsonNode get(String path, String user) throws Exception {
        var r = WebClient.api(port).get(path, user, "demo");
        assertThat(r.statusCode()).as(user + " " + path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void theCityManagerSeesEveryCountyWithItsWarnedAndBreachedCases() throws Exception {
        JsonNode summary = get("/api/sla/summary", "manager");
        assertThat(summary.get("byCounty").toString())
                .contains("{\"code\":\"371402\",\"name\":\"德城区\",\"open\":2,\"warned\":1,\"breached\":1,\"suspended\":0}")
                .contains("{\"code\":\"371403\",\"name\":\"陵城区\",\"open\":1,\"warned\":0,\"breached\":0,\"suspended\":0}");
        assertThat(summary.get("byTownship")).hasSize(3);
        assertThat(summary.get("byType").toString()).contains("\"code\":\"subsistence-allowance\"", "\"open\":3", "\"warned\":1", "\"breached\":1");
        assertThat(get("/api/sla/cases?state=BREACHED", "manager").findValuesAsText("caseNumber")).containsExactly("B2");
        assertThat(get("/api/sla/cases", "manager").findValuesAsText("caseNumber")).containsExactlyInAnyOrder("A1", "B2", "C1");
        // Seen on Tue 2026-10-20 (A1 warned at the end of Oct 19; deadline Thu Oct 22): Oct 20, 21, 22 are left, 10 of 13 used.
        at(10, 20, 9);
        try {
            JsonNode a1 = get("/api/sla/cases?state=WARNED", "manager").get(0);
            assertThat(a1.get("caseNumber").asText()).isEqualTo("A1");
            assertThat(a1.get("deadline").asText()).isEqualTo("2026-10-22");
            assertThat(a1.get("remainingWorkingDays").asInt()).isEqualTo(3);
            assertThat(a1.get("percentUsed").asInt()).isEqualTo(76);
            at(10, 26, 9);
            JsonNode b2 = get("/api/sla/cases?state=BREACHED", "manager").get(0);
            assertThat(b2.get("remainingWorkingDays").asInt()).as("Oct 23 passed after the deadline").isEqualTo(-1);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aCountyOfficerSeesHisCountyAndATownshipClerkHisTownship() throws Exception {
        assertThat(get("/api/sla/summary", "county1").get("byCounty").findValuesAsText("code")).containsExactly("371402");
        assertThat(get("/api/sla/cases", "county1").findValuesAsText("caseNumber")).containsExactlyInAnyOrder("A1", "B2");
        assertThat(get("/api/sla/cases", "clerk1").findValuesAsText("caseNumber")).containsExactly("A1");
        assertThat(get("/api/sla/summary", "clerk1").get("byTownship").findValuesAsText("code")).containsExactly("371402001");
        assertThat(WebClient.api(port).get("/api/sla/summary", "assistant1", "demo").statusCode()).isEqualTo(403);
    }

    @Test
    void townshipsAreRankedByTheirOnTimeRateOverThePeriod() throws Exception {
        JsonNode ranking = get("/api/sla/ranking?from=2026-10-01&to=2026-10-31", "manager");
        // 新华街道 decided B1 in time (1 of 1); 新湖街道 decided A2 in time and A3 after its breach (1 of 2).
        assertThat(ranking.toString()).isEqualTo(List.of(
                "{\"rank\":1,\"townshipCode\":\"371402002\",\"townshipName\":\"新华街道\",\"countyName\":\"德城区\",\"decided\":1,\"onTime\":1,\"onTimeRate\":100.0}",
                "{\"rank\":2,\"townshipCode\":\"371402001\",\"townshipName\":\"新湖街道\",\"countyName\":\"德城区\",\"decided\":2,\"onTime\":1,\"onTimeRate\":50.0}")
                .toString().replace(", ", ","));
        assertThat(get("/api/sla/ranking?from=2026-10-01&to=2026-10-09", "manager").toString()).contains("\"decided\":1", "371402001")
                .doesNotContain("371402002");
        assertThat(get("/api/sla/ranking?from=2026-10-01&to=2026-10-31", "clerk1").findValuesAsText("townshipCode"))
                .containsExactly("371402001");
        assertThat(WebClient.api(port).get("/api/sla/ranking?from=2026-10-31&to=2026-10-01", "manager", "demo").statusCode())
                .isEqualTo(400);
    }
}
