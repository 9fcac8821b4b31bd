package jiuzhu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import jiuzhu.WebClient;
import jiuzhu.calendar.SlaClock;

/** The SLA metrics count cases per state, type, county and township, measure timer lag, and reach Prometheus. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked: the Prometheus endpoint is what is under test here.
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:sla-metrics-tests;DB_CLOSE_DELAY=-1"})
class SlaMetricsTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    SlaClock clock;
    @Autowired
    SlaMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant());
    }

    double open(String township, String state) {
        var gauge = registry.find("jiuzhu.cases.open").tags("township", township, "state", state, "type", "subsistence-allowance").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Test
    void casesAreCountedByStateAndUnitAndLateTimersAreMeasured() {
        ClockUtil.setCurrentTime(at(2026, 9, 29, 10, 0));
        clock.start("DB-M-0001", "subsistence-allowance", "371402001", null, "clerk1");
        clock.start("DB-M-0002", "subsistence-allowance", "371402001", null, "clerk1");
        clock.start("DB-M-0003", "subsistence-allowance", "371403001", null, "clerk1");
        // The breach of DB-M-0002 is recorded 90 minutes after its deadline (end of Oct 22) passed.
        ClockUtil.setCurrentTime(at(2026, 10, 23, 1, 30));
        clock.markBreached("DB-M-0002", "system");
        metrics.refresh();

        assertThat(open("371402001", "RUNNING")).isEqualTo(1);
        assertThat(open("371402001", "BREACHED")).isEqualTo(1);
        assertThat(open("371403001", "RUNNING")).isEqualTo(1);
        assertThat(registry.find("jiuzhu.cases.open").tags("county", "371402", "township", "371402001").gauges()).hasSize(2);
        assertThat(registry.get("jiuzhu.sla.escalations").tags("township", "371402001", "state", "BREACHED").counter().count()).isEqualTo(1);
        assertThat(registry.get("jiuzhu.sla.timer.lag").tags("state", "BREACHED").timer().max(TimeUnit.MINUTES)).isEqualTo(90.0);

        clock.stop("DB-M-0002", "decided", "clerk1");
        metrics.refresh();
        assertThat(open("371402001", "BREACHED")).as("a decided case is no longer open").isZero();
        assertThat(registry.get("jiuzhu.incidents.open").gauge().value()).isZero();
    }

    @Test
    void prometheusScrapesThemWithAManagersAccountOnly() {
        WebClient api = WebClient.api(port);
        ClockUtil.setCurrentTime(at(2026, 9, 29, 10, 0));
        clock.start("DB-M-0100", "subsistence-allowance", "371402002", null, "clerk2");
        metrics.refresh();
        HttpResponse<String> scrape = api.send("GET", "/actuator/prometheus", "manager", "demo", null, null, "Accept", "text/plain");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jiuzhu_incidents_open")
                .containsPattern("jiuzhu_cases_open\\{[^}]*township=\"371402002\"[^}]*\\} 1.0");
        assertThat(api.get("/actuator/prometheus", "clerk1", "demo").statusCode()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    }
}
