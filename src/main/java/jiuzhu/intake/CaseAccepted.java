package jiuzhu.intake;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jiuzhu.calendar.SlaClock;

/** A case is accepted (受理) when its statutory clock starts: the case row says so from then on. */
@Component
class CaseAccepted {

    private final CaseRecords cases;

    CaseAccepted(CaseRecords cases) {
        this.cases = cases;
    }

    @EventListener
    void on(SlaClock.Started started) {
        cases.find(started.caseNumber()).ifPresent(c -> cases.setStatus(c.caseNumber(), CaseStatus.ACCEPTED));
    }
}
