package jiuzhu.subsistence;

/**
 * Which decision a subsistence case ends with, from the variables the process gathered. An applicant the eligibility
 * decision found ineligible is refused with its reason; otherwise the county decides when the case was escalated, the
 * township when it was not. A refusal always carries reasons (社会救助法 art. 45). Anything else (no decision, an
 * unknown one, a county RETURNED, which the model routes back to the home visit) is a modelling or form error: it
 * throws, and the job becomes an incident instead of recording a decision nobody took.
 */
final class DecisionRule {

    static final String APPROVED = "APPROVED";
    static final String REFUSED = "REFUSED";

    /** The recorded decision; {@code byCounty} tells whose it was. */
    record Outcome(String decision, String reasons, boolean byCounty) {
    }

    private DecisionRule() {
    }

    static Outcome decide(String caseNumber, Boolean eligible, String eligibilityReason, Boolean needsCounty,
            String countyDecision, String countyReasons, String townshipDecision, String townshipReasons) {
        if (eligible == null) {
            throw new IllegalStateException("缺少资格判定结果 / no eligibility result (case " + caseNumber + ")");
        }
        if (!eligible) {
            return new Outcome(REFUSED, required(eligibilityReason, "eligibilityReason", caseNumber), false);
        }
        boolean byCounty = Boolean.TRUE.equals(needsCounty);
        String decision = byCounty ? countyDecision : townshipDecision;
        String reasons = byCounty ? countyReasons : townshipReasons;
        String who = byCounty ? "county" : "township";
        if (REFUSED.equals(decision)) {
            return new Outcome(REFUSED, required(reasons, who + " decision reasons", caseNumber), byCounty);
        }
        if (APPROVED.equals(decision)) {
            boolean given = reasons != null && !reasons.isBlank();
            return new Outcome(APPROVED, given ? reasons.strip() : eligibilityReason, byCounty);
        }
        throw new IllegalStateException("无法记录的" + (byCounty ? "县级" : "乡镇") + "决定 / cannot record " + who
                + " decision '" + decision + "' (case " + caseNumber + ")");
    }

    private static String required(String text, String name, String caseNumber) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("不予批准须写明理由 / a refusal needs reasons: " + name + " is empty (case "
                    + caseNumber + ")");
        }
        return text.strip();
    }
}
