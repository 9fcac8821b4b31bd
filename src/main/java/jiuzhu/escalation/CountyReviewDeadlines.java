package jiuzhu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jiuzhu.calendar.StatutoryCalendar;
import jiuzhu.calendar.WorkingDayCalendar;

/**
 * When the county is reminded of a review it has not finished: at the end of the N-th working day after the
 * review reached it ({@code jiuzhu.escalation.county-review-reminder-days}, default 3), on the statutory calendar.
 * Used as {@code timeDate="${countyReviewDeadlines.reminder(execution)}"}.
 */
@Component("countyReviewDeadlines")
public class CountyReviewDeadlines {

    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final int reminderDays;

    CountyReviewDeadlines(StatutoryCalendar calendar, Clock clock,
            @Value("${jiuzhu.escalation.county-review-reminder-days:3}") int reminderDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    /** Public, with its class: the expression language only calls methods of public types. */
    public Date reminder(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        return Date.from(WorkingDayCalendar.endOfDay(calendar.current().addWorkingDays(today, reminderDays).date()));
    }
}
