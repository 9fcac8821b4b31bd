package jiuzhu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the county's decision and stamps its time. An invalid decision is a failure, not a business outcome: it
 * becomes an incident that an operator sees in Cockpit (the form should have stopped it already).
 */
@Component("recordCountyDecision")
class RecordCountyDecision implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordCountyDecision.class);

    @Override
    public void execute(DelegateExecution execution) {
        Object caseNumber = execution.getVariable(CountyReview.CASE_NUMBER);
        Object value = execution.getVariable(CountyReview.DECISION);
        CountyDecision decision = CountyDecision.of(value).orElseThrow(() -> new IllegalStateException(
                "未知的县级决定 / unknown county decision '" + value + "' (case " + caseNumber + ")"));
        if (decision.needsReasons() && !(execution.getVariable(CountyReview.DECISION_REASONS) instanceof String reasons
                && !reasons.isBlank())) {
            throw new IllegalStateException("县级决定" + decision + "须写明理由 / county decision " + decision
                    + " needs reasons (case " + caseNumber + ")");
        }
        if (!(execution.getVariable(CountyReview.DECIDED_BY) instanceof String)) {
            throw new IllegalStateException("县级决定缺少决定人 / county decision has no decider (case " + caseNumber + ")");
        }
        execution.setVariable(CountyReview.DECIDED_AT, ClockUtil.getCurrentTime());
        log.info("县级决定已记录 / county decision recorded: case {} {}", caseNumber, decision);
    }
}
