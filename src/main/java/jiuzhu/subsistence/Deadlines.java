package jiuzhu.subsistence;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jiuzhu.calendar.StatutoryCalendar;
import jiuzhu.calendar.WorkingDayCalendar;
import jiuzhu.intake.CaseRecords;

/**
 * The subsistence process's own working-day limits, on the statutory calendar, each due at the end of its last day
 * (Asia/Shanghai). Counted like every statutory limit from the day after the starting day; a limit reaching a year
 * without official data is counted Monday–Friday (the calendar never guesses holidays).
 */
@Component
class Deadlines {

    private final StatutoryCalendar calendar;
    private final CaseRecords cases;
    private final SubsistenceProperties properties;
    private final Clock clock;

    Deadlines(StatutoryCalendar calendar, CaseRecords cases, SubsistenceProperties properties, Clock clock) {
        this.calendar = calendar;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    /** The last day to complete the materials: N working days after today (the day the applicant was told). */
    LocalDate materialsDueBy() {
        return calendar.current().addWorkingDays(SubsistenceCases.today(clock), properties.materialsWorkingDays()).date();
    }

    /**
     * The last day for the written refusal: N working days after the decision as recorded on the case (today when
     * none is recorded yet), so that a notice task created late does not get a later deadline than the law gives.
     */
    LocalDate refusalNoticeDueBy(String caseNumber) {
        LocalDate decided = cases.find(caseNumber).map(CaseRecords.CaseFile::decidedAt)
                .map(at -> LocalDate.ofInstant(at, WorkingDayCalendar.ZONE)).orElse(SubsistenceCases.today(clock));
        return calendar.current().addWorkingDays(decided, properties.refusalNoticeWorkingDays()).date();
    }
}
