package jiuzhu.subsistence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jiuzhu.calendar.WorkingDayCalendar;
import jiuzhu.intake.CaseRecords;
import jiuzhu.ledger.Grant;
import jiuzhu.ledger.Ledger;

/**
 * Decisions and what follows them: the decision recorded on the case, the grant entered in the ledger from the month
 * after the decision, and the review dates (at 09:00 Asia/Shanghai on the day due, so the task arrives in office hours).
 */
@Service
class Allowances {

    static final LocalTime REVIEW_TIME = LocalTime.of(9, 0);

    record Granted(Grant grant, Instant reviewDue) {
    }

    private final CaseRecords cases;
    private final Ledger ledger;
    private final SubsistenceNotices notices;
    private final SubsistenceProperties properties;
    private final Clock clock;

    Allowances(CaseRecords cases, Ledger ledger, SubsistenceNotices notices, SubsistenceProperties properties, Clock clock) {
        this.cases = cases;
        this.ledger = ledger;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    void recordDecision(String caseNumber, DecisionRule.Outcome outcome, String decidedBy) {
        cases.recordDecision(caseNumber, outcome.decision(), outcome.reasons(), decidedBy, clock.instant());
    }

    /** Grants the approved amount; the decision date is the one recorded on the case (today if none was). */
    @Transactional
    Granted grant(String caseNumber, long monthlyAmountFen, Boolean memberCanWork, Boolean irregularIncome, String actor) {
        CaseRecords.CaseFile file = SubsistenceCases.require(cases, caseNumber);
        LocalDate decidedOn = file.decidedAt() == null ? SubsistenceCases.today(clock)
                : LocalDate.ofInstant(file.decidedAt(), WorkingDayCalendar.ZONE);
        int interval = ReviewIntervals.months(memberCanWork, irregularIncome, properties);
        boolean retried = ledger.findByCase(caseNumber).isPresent();
        Grant grant = ledger.grant(caseNumber, file.householdId(), file.assistanceType(), monthlyAmountFen, decidedOn,
                interval, actor);
        if (!retried) {
            notices.approval(grant, actor);
        }
        return new Granted(grant, at9(grant.nextReview()));
    }

    /** The next review: the previous due date plus the interval, so that late reviews do not drift the schedule. */
    @Transactional
    Granted scheduleNextReview(String caseNumber, Instant previousDue, Boolean memberCanWork, Boolean irregularIncome) {
        Grant grant = ledger.findByCase(caseNumber).orElseThrow(() ->
                new IllegalStateException("案件没有救助记录 / no grant for case " + caseNumber));
        int interval = ReviewIntervals.months(memberCanWork, irregularIncome, properties);
        LocalDate next = LocalDate.ofInstant(previousDue, WorkingDayCalendar.ZONE).plusMonths(interval);
        ledger.scheduleReview(grant.id(), next, interval);
        return new Granted(ledger.find(grant.id()).orElseThrow(), at9(next));
    }

    static Instant at9(LocalDate day) {
        return day.atTime(REVIEW_TIME).atZone(WorkingDayCalendar.ZONE).toInstant();
    }
}
