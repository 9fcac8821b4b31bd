package jiuzhu.ledger;

import java.time.LocalDate;

/** One grant in the ledger; amounts in fen, months as the first day of the month (Asia/Shanghai). */
public record Grant(long id, String caseNumber, long householdId, String assistanceType, long monthlyAmountFen,
        LocalDate firstMonth, GrantStatus status, int reviewIntervalMonths, LocalDate nextReview) {
}
