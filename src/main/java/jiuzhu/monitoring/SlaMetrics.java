package jiuzhu.monitoring;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jiuzhu.calendar.SlaClock;

/**
 * Case and SLA metrics. {@code jiuzhu.cases.open} (gauge; tags type, county, township, state) counts the cases whose
 * clock runs, by state RUNNING, WARNED, BREACHED, SUSPENDED, refreshed every minute from the clock table (so every
 * node of a cluster reports the same figures); {@code jiuzhu.sla.escalations} (counter; tags type, county, township,
 * state) counts warnings and breaches as this node records them; {@code jiuzhu.sla.timer.lag} (timer) is how long
 * after its due instant an SLA timer fired; {@code jiuzhu.incidents.open} (gauge) the engine's open incidents.
 */
@Component
class SlaMetrics {

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final MultiGauge openCases;

    SlaMetrics(JdbcTemplate jdbc, MeterRegistry registry, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.openCases = MultiGauge.builder("jiuzhu.cases.open")
                .description("cases whose statutory clock runs, by state").register(registry);
        Gauge.builder("jiuzhu.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("open incidents of the engine (failed jobs and others)").register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${jiuzhu.monitoring.refresh-interval:PT1M}")
    void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.query("select assistance_type, unit_code, state, count(*) from jz_sla_clock"
                + " where state <> 'STOPPED' group by assistance_type, unit_code, state",
                (rs, i) -> MultiGauge.Row.of(tags(rs.getString(1), rs.getString(2)).and("state", rs.getString(3)), rs.getLong(4)));
        openCases.register(rows, true);
    }

    @EventListener
    void on(SlaClock.Escalated escalated) {
        Tags tags = tags(escalated.assistanceType(), escalated.unitCode());
        registry.counter("jiuzhu.sla.escalations", tags.and("state", escalated.state().name())).increment();
        Timer.builder("jiuzhu.sla.timer.lag").description("how long after its due instant an SLA timer fired")
                .tags(tags.and("state", escalated.state().name())).register(registry)
                .record(escalated.lag().isNegative() ? java.time.Duration.ZERO : escalated.lag());
    }

    static Tags tags(String type, String unitCode) {
        String county = unitCode != null && unitCode.length() >= 6 ? unitCode.substring(0, 6) : "unknown";
        return Tags.of("type", type, "county", county, "township", unitCode == null ? "unknown" : unitCode);
    }
}
