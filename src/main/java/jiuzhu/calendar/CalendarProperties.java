package jiuzhu.calendar;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calendar and SLA settings. {@code directory}: an optional folder of {@code YYYY.yaml} files read at start-up and
 * on reload. {@code limits}: the time limit in working days per assistance type (process key);
 * {@code warnBefore}: the warning comes when this many working days remain.
 */
@ConfigurationProperties("jiuzhu.calendar")
record CalendarProperties(
        String directory,
        Map<String, Integer> limits,
        @DefaultValue("3") int warnBefore) {

    int limitFor(String assistanceType) {
        Integer limit = limits == null ? null : limits.get(assistanceType);
        if (limit == null || limit < 1) {
            throw new IllegalArgumentException("未配置办理时限 / no time limit configured for assistance type "
                    + assistanceType + " (jiuzhu.calendar.limits." + assistanceType + ")");
        }
        return limit;
    }
}
