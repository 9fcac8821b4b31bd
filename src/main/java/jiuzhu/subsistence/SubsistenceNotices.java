package jiuzhu.subsistence;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jiuzhu.intake.CaseRecords;
import jiuzhu.intake.CaseStatus;
import jiuzhu.ledger.Grant;
import jiuzhu.ledger.NoticeKind;
import jiuzhu.ledger.Notices;

/**
 * The written notices of the subsistence procedure and the case status each one leaves. A notice that must give
 * reasons or a list refuses to go out without them: an empty refusal is unlawful (art. 45), and a missing-materials
 * notice must say everything at once (一次性告知), so there is no second one to ask for more.
 */
@Service
class SubsistenceNotices {

    private static final Logger log = LoggerFactory.getLogger(SubsistenceNotices.class);
    static final String REMEDY = "如对本决定不服，可以依法申请行政复议或者提起行政诉讼。";

    private final Notices notices;
    private final CaseRecords cases;
    private final Deadlines deadlines;

    SubsistenceNotices(Notices notices, CaseRecords cases, Deadlines deadlines) {
        this.notices = notices;
        this.cases = cases;
        this.deadlines = deadlines;
    }

    @Transactional
    void missingMaterials(String caseNumber, String missingMaterials, String actor) {
        String missing = required(missingMaterials, "须一次性列明全部缺少的材料 / the notice must list all missing materials",
                caseNumber);
        LocalDate dueBy = deadlines.materialsDueBy();
        notices.issue(caseNumber, NoticeKind.MISSING_MATERIALS, "补正材料一次性告知书\n案件编号：" + caseNumber
                + "\n您的申请材料不齐全。请于" + dueBy + "（含当日）前一次补齐以下全部材料：\n" + missing
                + "\n逾期未补齐的，本次申请终止。可由核对平台查询的信息，无需您提供。", actor, dueBy);
        cases.setStatus(caseNumber, CaseStatus.INCOMPLETE);
    }

    @Transactional
    void lapse(String caseNumber, String actor) {
        notices.issue(caseNumber, NoticeKind.LAPSE, "申请终止通知书\n案件编号：" + caseNumber
                + "\n申请人未在告知的期限内补齐材料，本次申请终止。如仍有困难，可以随时重新申请。", actor, null);
        cases.setStatus(caseNumber, CaseStatus.LAPSED);
    }

    @Transactional
    void intakeRefusal(String caseNumber, String reason, String actor) {
        String why = required(reason, "不予受理须写明理由 / refusing to accept needs a reason", caseNumber);
        notices.issue(caseNumber, NoticeKind.INTAKE_REFUSAL, "不予受理通知书\n案件编号：" + caseNumber
                + "\n不予受理的理由：" + why + "\n" + REMEDY, actor, null);
        cases.setStatus(caseNumber, CaseStatus.NOT_ACCEPTED);
    }

    /** The written refusal with reasons; its due-by is the legal date (N working days after the decision). */
    @Transactional
    void refusal(String caseNumber, String noticeText, String decisionReasons, String actor) {
        String text = required(noticeText, "通知书正文为空 / the refusal notice has no text", caseNumber);
        String reasons = required(decisionReasons, "不予批准须写明理由 / a refusal needs reasons", caseNumber);
        notices.issue(caseNumber, NoticeKind.REFUSAL, text + "\n不予批准的理由：" + reasons + "\n" + REMEDY, actor,
                deadlines.refusalNoticeDueBy(caseNumber));
        cases.setStatus(caseNumber, CaseStatus.REFUSED);
    }

    void approval(Grant grant, String actor) {
        notices.issue(grant.caseNumber(), NoticeKind.APPROVAL, "最低生活保障批准通知书\n案件编号：" + grant.caseNumber()
                + "\n经审核，批准您家庭享受最低生活保障，月保障金额" + HouseholdFigures.yuan(grant.monthlyAmountFen())
                + "元，自" + grant.firstMonth().getYear() + "年" + grant.firstMonth().getMonthValue() + "月起发放。"
                + "\n家庭人口、收入、财产发生变化的，请及时告知。", actor, null);
    }

    /**
     * The written refusal was not issued within its limit. Kept as an overdue record (not a notice: the applicant
     * received nothing) for supervision, and logged with the case number only, no personal data.
     */
    void refusalOverdue(String caseNumber, String actor) {
        LocalDate dueBy = deadlines.refusalNoticeDueBy(caseNumber);
        notices.recordOverdue(caseNumber, NoticeKind.REFUSAL, dueBy, actor);
        log.warn("不予批准通知书逾期未出具 / written refusal overdue: case {}, due by {}", caseNumber, dueBy);
    }

    private static String required(String text, String message, String caseNumber) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(message + " (case " + caseNumber + ")");
        }
        return text.strip();
    }
}
