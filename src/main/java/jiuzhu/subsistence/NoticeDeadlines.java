package jiuzhu.subsistence;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jiuzhu.calendar.WorkingDayCalendar;

/** Timer {@code Timer_RefusalNoticeDue}: {@code timeDate="${noticeDeadlines.refusalNoticeDue(execution)}"}. */
@Component("noticeDeadlines")
public class NoticeDeadlines {

    private final Deadlines deadlines;

    NoticeDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The end of the 3rd working day after the decision ({@code jiuzhu.subsistence.refusal-notice-working-days}). */
    public Date refusalNoticeDue(DelegateExecution execution) {
        return Date.from(WorkingDayCalendar.endOfDay(deadlines.refusalNoticeDueBy(execution.getProcessBusinessKey())));
    }
}
