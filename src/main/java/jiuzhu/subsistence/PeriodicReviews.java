package jiuzhu.subsistence;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jiuzhu.intake.CaseRecords;
import jiuzhu.intake.CaseStatus;
import jiuzhu.ledger.Grant;
import jiuzhu.ledger.Ledger;
import jiuzhu.ledger.NoticeKind;
import jiuzhu.ledger.Notices;

/**
 * Applies the outcome of a periodic review. A reduction or stop is lawful only after the beneficiary was heard and
 * only in writing with reasons (社会救助法 art. 48): without a recorded statement or reasons it is refused with an
 * exception, which makes the job an incident rather than a silent change of someone's income.
 */
@Service
class PeriodicReviews {

    enum Decision { CONTINUE, REDUCE, STOP }

    private final Ledger ledger;
    private final Notices notices;
    private final CaseRecords cases;

    PeriodicReviews(Ledger ledger, Notices notices, CaseRecords cases) {
        this.ledger = ledger;
        this.notices = notices;
        this.cases = cases;
    }

    @Transactional
    Grant apply(String caseNumber, String decisionName, Long newAmountFen, String reasons, String beneficiaryStatement,
            String actor) {
        Decision decision = java.util.Arrays.stream(Decision.values()).filter(d -> d.name().equals(decisionName))
                .findFirst().orElseThrow(() -> new IllegalStateException("未知的核查决定 / unknown review decision '"
                        + decisionName + "' (case " + caseNumber + ")"));
        Grant grant = ledger.findByCase(caseNumber).orElseThrow(() ->
                new IllegalStateException("案件没有救助记录 / no grant for case " + caseNumber));
        String why = SubsistenceCases.text(reasons);
        if (decision != Decision.CONTINUE) {
            if (why == null) {
                throw new IllegalStateException("减发或停发须写明理由 / " + decision + " needs written reasons (case "
                        + caseNumber + ")");
            }
            if (SubsistenceCases.text(beneficiaryStatement) == null) {
                throw new IllegalStateException("减发或停发前须听取并记录受助人意见 / " + decision
                        + " only after hearing the beneficiary: no statement recorded (case " + caseNumber + ")");
            }
        }
        String outcome;
        switch (decision) {
            case REDUCE -> {
                if (newAmountFen == null) {
                    throw new IllegalStateException("减发须填写新的月保障金额 / REDUCE needs the new amount (case "
                            + caseNumber + ")");
                }
                grant = ledger.reduce(grant.id(), newAmountFen, why, actor);
                outcome = "月保障金额减为" + HouseholdFigures.yuan(newAmountFen) + "元";
            }
            case STOP -> {
                grant = ledger.stop(grant.id(), why, actor);
                cases.setStatus(caseNumber, CaseStatus.STOPPED);
                outcome = "停止发放最低生活保障金";
            }
            default -> outcome = "继续享受最低生活保障，月保障金额" + HouseholdFigures.yuan(grant.monthlyAmountFen()) + "元";
        }
        notices.issue(caseNumber, NoticeKind.REVIEW_DECISION, "最低生活保障定期核查决定通知书\n案件编号：" + caseNumber
                + "\n决定：" + outcome + "\n理由：" + (why == null ? "家庭状况经核查无变化" : why)
                + (decision == Decision.CONTINUE ? "" : "\n" + SubsistenceNotices.REMEDY), actor, null);
        return grant;
    }
}
