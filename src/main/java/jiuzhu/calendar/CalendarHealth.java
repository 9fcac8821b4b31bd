package jiuzhu.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while the calendar does not know every day of the next {@value #HORIZON_DAYS} days: in December this tells
 * operators to load the State Council's notice for the coming year before deadlines start to be provisional.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {

    static final int HORIZON_DAYS = 60;

    private final StatutoryCalendar calendar;
    private final Clock clock;

    CalendarHealth(StatutoryCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        Optional<LocalDate> unknown = calendar.current().firstUnknownDay(today, HORIZON_DAYS);
        Health.Builder health = unknown.isPresent() ? Health.down() : Health.up();
        health.withDetail("knownYears", calendar.current().knownYears());
        unknown.ifPresent(day -> health.withDetail("firstUnknownDay", day)
                .withDetail("action", "请加载" + day.getYear() + "年节假日安排 / load the " + day.getYear() + " holiday notice"));
        return health.build();
    }
}
