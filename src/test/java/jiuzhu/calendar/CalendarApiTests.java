package jiuzhu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import jiuzhu.WebClient;

/** The calendar and SLA endpoints on the running application: answers, bad input, who may do what. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:calendar-api-tests;DB_CLOSE_DELAY=-1"})
class CalendarApiTests {

    @LocalServerPort
    int port;
    @Autowired
    SlaClock clock;
    @Autowired
    CalendarHealth health;
    @Autowired
    StatutoryCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CalendarRefresh refresh;

    WebClient api;

    @BeforeEach
    void client() {
        api = WebClient.api(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void describesWorkingDays() {
        HttpResponse<String> makeUp = api.get("/api/calendar/working-day?date=2026-02-14", "clerk1", "demo");
        assertThat(makeUp.statusCode()).isEqualTo(200);
        assertThat(makeUp.body()).isEqualTo("{\"date\":\"2026-02-14\",\"known\":true,\"workingDay\":true,\"kind\":\"MAKE_UP_WORKDAY\"}");
        assertThat(api.get("/api/calendar/working-day?date=2026-02-16", "clerk1", "demo").body())
                .contains("\"workingDay\":false", "\"kind\":\"HOLIDAY\"");
        assertThat(api.get("/api/calendar/working-day?date=2026-03-07", "clerk1", "demo").body()).contains("\"kind\":\"WEEKEND\"");
        assertThat(api.get("/api/calendar/working-day?date=2026-03-09", "clerk1", "demo").body()).contains("\"kind\":\"WORKDAY\"");
    }

    @Test
    void computesDeadlines() {
        HttpResponse<String> r = api.get("/api/calendar/deadline?from=2026-09-29&workingDays=13", "assistant1", "demo");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"from\":\"2026-09-29\",\"workingDays\":13,\"deadline\":\"2026-10-22\",\"provisional\":false}");
        assertThat(api.get("/api/calendar/deadline?from=2026-12-30&workingDays=5", "assistant1", "demo").body())
                .contains("\"provisional\":true");
    }

    @Test
    void badInputIsA400ProblemThatSaysWhatIsWrong() {
        String[][] cases = {
                {"/api/calendar/deadline?from=2026-09-29&workingDays=0", "workingDays"},
                {"/api/calendar/deadline?from=2026-09-29&workingDays=251", "workingDays"},
                {"/api/calendar/deadline?from=2026-09-29&workingDays=many", "workingDays"},
                {"/api/calendar/deadline?from=29.09.2026&workingDays=13", "YYYY-MM-DD"},
                {"/api/calendar/deadline?workingDays=13", "from"},
                {"/api/calendar/working-day?date=2026-02-30", "YYYY-MM-DD"},
                {"/api/calendar/working-day", "date"}};
        for (String[] c : cases) {
            HttpResponse<String> r = api.get(c[0], "clerk1", "demo");
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(r.body()).as(c[0]).contains("\"code\":\"PARAMETER_", c[1]).doesNotContain("Exception");
        }
        assertThat(api.get("/api/calendar/deadline?from=2026-09-29&workingDays=13", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorLoadsAYearAndABadFileIsRefusedWhole() throws IOException {
        byte[] year2027;
        try (InputStream in = getClass().getResourceAsStream("/calendar-test/2027.yaml")) {
            year2027 = in.readAllBytes();
        }
        String yaml = new String(year2027, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(api.get("/api/calendar/working-day?date=2027-01-01", "clerk1", "demo").body()).contains("\"known\":false");

        assertThat(api.send("PUT", "/api/calendar/years/2027", "owner", "demo", "application/yaml", yaml).statusCode()).isEqualTo(403);
        HttpResponse<String> wrongYear = api.send("PUT", "/api/calendar/years/2028", "admin", "demo", "application/yaml", yaml);
        assertThat(wrongYear.statusCode()).isEqualTo(400);
        assertThat(wrongYear.body()).contains("CALENDAR_DATA_INVALID", "2027", "2028");
        HttpResponse<String> broken = api.send("PUT", "/api/calendar/years/2027", "admin", "demo", "application/yaml",
                yaml.replace("to: 2027-01-03", "to: 2026-12-31"));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("CALENDAR_DATA_INVALID");
        assertThat(api.get("/api/calendar/working-day?date=2027-01-01", "clerk1", "demo").body()).contains("\"known\":false");

        HttpResponse<String> loaded = api.send("PUT", "/api/calendar/years/2027", "admin", "demo", "application/yaml", yaml);
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(loaded.body()).contains("\"newlyKnownYears\":[2027]");
        assertThat(api.get("/api/calendar/working-day?date=2027-01-01", "clerk1", "demo").body())
                .contains("\"known\":true", "\"kind\":\"HOLIDAY\"");
        assertThat(jdbc.queryForObject("select uploaded_by from jz_calendar_year where calendar_year = 2027", String.class))
                .isEqualTo("admin");
        assertThat(api.send("POST", "/api/calendar/reload", "clerk1", "demo", null, null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/calendar/reload", "admin", "demo", null, null).body()).contains("2027");

        jdbc.update("delete from jz_calendar_year");
        calendar.reload("test");
    }

    @Test
    void aYearUploadedThroughAnotherNodeIsPickedUpByTheRefresh() throws IOException {
        byte[] year2027;
        try (InputStream in = getClass().getResourceAsStream("/calendar-test/2027.yaml")) {
            year2027 = in.readAllBytes();
        }
        refresh.refreshIfChanged();
        assertThat(calendar.current().knownYears()).doesNotContain(2027);
        // What another node's upload leaves behind: the row, not this node's in-memory calendar.
        jdbc.update("insert into jz_calendar_year (calendar_year, content, sha256, uploaded_by, uploaded_at)"
                + " values (2027, ?, 'x', 'admin', current_timestamp)", new String(year2027, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(calendar.current().knownYears()).doesNotContain(2027);
        refresh.refreshIfChanged();
        assertThat(calendar.current().knownYears()).contains(2027);

        jdbc.update("delete from jz_calendar_year");
        refresh.refreshIfChanged();
        assertThat(calendar.current().knownYears()).doesNotContain(2027);
    }

    @Test
    void theCaseClockIsVisibleToItsUnitAndTheUnitsAboveAndToNobodyElse() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 9, 29, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        clock.start("DB-TEST-0001", "subsistence-allowance", "371402001", null, "clerk1");

        HttpResponse<String> own = api.get("/api/cases/DB-TEST-0001/sla", "clerk1", "demo");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"deadline\":\"2026-10-22\"", "\"state\":\"RUNNING\"", "\"limitWorkingDays\":13",
                "\"action\":\"START\"");
        assertThat(api.get("/api/cases/DB-TEST-0001/sla", "county1", "demo").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/cases/DB-TEST-0001/sla", "manager", "demo").statusCode()).isEqualTo(200);
        for (String outsider : new String[] {"clerk2", "assistant1", "owner"}) {
            HttpResponse<String> r = api.get("/api/cases/DB-TEST-0001/sla", outsider, "demo");
            assertThat(r.statusCode()).as(outsider).isEqualTo(404);
            assertThat(r.body()).doesNotContain("2026-10-22");
        }
        assertThat(api.get("/api/cases/NO-SUCH-CASE/sla", "admin", "demo").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsDownWhileTheNextSixtyDaysAreNotAllKnown() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 6, 1, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 2, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 3, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("firstUnknownDay", java.time.LocalDate.of(2027, 1, 1));
    }
}
