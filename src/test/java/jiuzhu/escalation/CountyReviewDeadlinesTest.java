package jiuzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import jiuzhu.calendar.StatutoryCalendar;

/** The county reminder lands on the statutory calendar: three working days after the review reached the county. */
@SpringBootTest
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:county-review-deadlines;DB_CLOSE_DELAY=-1"})
class CountyReviewDeadlinesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    StatutoryCalendar calendar;

    @Test
    void remindsAtTheEndOfTheThirdWorkingDayAcrossTheNationalDayHoliday() {
        Clock onSeptember30 = Clock.fixed(LocalDateTime.of(2026, 9, 30, 16, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        CountyReviewDeadlines deadlines = new CountyReviewDeadlines(calendar, onSeptember30, 3);
        // Oct 1-7 off: Oct 8, 9 and the make-up Saturday Oct 10 are the three working days.
        assertThat(deadlines.reminder(null))
                .isEqualTo(Date.from(LocalDateTime.of(2026, 10, 11, 0, 0).atZone(SHANGHAI).toInstant()));
    }
}
