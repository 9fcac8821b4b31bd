package jiuzhu.subsistence;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jiuzhu.calendar.WorkingDayCalendar;

/** Timer {@code Timer_MaterialsLapse}: {@code timeDate="${intakeDeadlines.materialsDue(execution)}"}. */
@Component("intakeDeadlines")
public class IntakeDeadlines {

    private final Deadlines deadlines;

    IntakeDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The end of the N-th working day after today ({@code jiuzhu.subsistence.materials-working-days}, default 10). */
    public Date materialsDue(DelegateExecution execution) {
        return Date.from(WorkingDayCalendar.endOfDay(deadlines.materialsDueBy()));
    }
}
