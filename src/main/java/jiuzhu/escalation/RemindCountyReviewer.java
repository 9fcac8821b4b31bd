package jiuzhu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reminds the county that a review is waiting. For now the reminder is a record (a variable Cockpit shows and a log
 * line with the case number only, no personal data); a notification channel can replace the log line later.
 */
@Component("remindCountyReviewer")
class RemindCountyReviewer implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindCountyReviewer.class);

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CountyReview.REMINDER_SENT_AT, ClockUtil.getCurrentTime());
        log.info("县级审核提醒 / county review reminder: case {} for {}",
                execution.getVariable(CountyReview.CASE_NUMBER), execution.getVariable(CountyReview.COUNTY_GROUP));
    }
}
