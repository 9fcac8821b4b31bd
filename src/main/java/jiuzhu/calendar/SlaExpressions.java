package jiuzhu.calendar;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The expression entry points for BPMN timers: {@code timeDate="${sla.deadline(execution)}"} and
 * {@code ${sla.warning(execution)}}. The case is the business key (the case number).
 */
@Component("sla")
public class SlaExpressions {

    private final SlaClock clock;

    SlaExpressions(SlaClock clock) {
        this.clock = clock;
    }

    public Date deadline(DelegateExecution execution) {
        return clock.deadlineAt(execution.getProcessBusinessKey());
    }

    public Date warning(DelegateExecution execution) {
        return clock.warningAt(execution.getProcessBusinessKey());
    }
}
