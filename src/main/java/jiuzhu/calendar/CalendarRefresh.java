package jiuzhu.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every node of a cluster on the same calendar: a year uploaded through one node is in the shared database,
 * and the others notice the change here and reload. Only the node's in-memory copy is refreshed; recomputing
 * provisional deadlines is idempotent, so whichever node gets there first does it and the rest find nothing left.
 */
@Component
@EnableScheduling
class CalendarRefresh {

    private final JdbcTemplate jdbc;
    private final StatutoryCalendar calendar;
    private volatile String seen;

    CalendarRefresh(JdbcTemplate jdbc, StatutoryCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.seen = fingerprint();
    }

    @Scheduled(fixedDelayString = "${jiuzhu.calendar.refresh-interval:PT5M}", initialDelayString = "${jiuzhu.calendar.refresh-interval:PT5M}")
    void refreshIfChanged() {
        String now = fingerprint();
        if (!now.equals(seen)) {
            calendar.reload("cluster-refresh");
            seen = now;
        }
    }

    private String fingerprint() {
        return String.join(",", jdbc.query("select calendar_year, sha256 from jz_calendar_year order by calendar_year",
                (rs, i) -> rs.getInt(1) + ":" + rs.getString(2)));
    }
}
