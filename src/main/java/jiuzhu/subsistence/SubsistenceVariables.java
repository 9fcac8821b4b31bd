package jiuzhu.subsistence;

/** The process variables of {@code subsistence-allowance} the beans read and write, named once (dibao-contract.md). */
final class SubsistenceVariables {

    static final String ASSISTANCE_TYPE = "assistanceType";
    static final String NEAR_RELATIVE = "nearRelative";
    static final String OBJECTION_UPHELD = "objectionUpheld";
    static final String COMPLAINT = "complaint";
    static final String CASE_BY_CASE = "caseByCase";

    static final String MISSING_MATERIALS = "missingMaterials";
    static final String INTAKE_REFUSAL_REASON = "intakeRefusalReason";
    static final String VERIFICATION_OUTCOME = "verificationOutcome";
    static final String MEMBER_CAN_WORK = "memberCanWork";
    static final String IRREGULAR_INCOME = "irregularIncome";

    static final String ELIGIBLE = "eligible";
    static final String ELIGIBILITY_REASON_CODE = "eligibilityReasonCode";
    static final String ELIGIBILITY_REASON = "eligibilityReason";
    static final String MONTHLY_AMOUNT_FEN = "monthlyAmountFen";
    static final String PUBLICITY_ENDS_AT = "publicityEndsAt";

    static final String NEEDS_COUNTY = "needsCounty";
    static final String ESCALATION_REASON_CODE = "escalationReasonCode";
    static final String ESCALATION_REASON = "escalationReason";

    static final String COUNTY_DECISION = "countyDecision";
    static final String COUNTY_DECISION_REASONS = "countyDecisionReasons";
    static final String COUNTY_DECIDED_BY = "countyDecidedBy";
    static final String TOWNSHIP_DECISION = "townshipDecision";
    static final String TOWNSHIP_DECISION_REASONS = "townshipDecisionReasons";
    /** Optional: set by {@code recordTownshipDecider} on completing Task_TownshipDecision (proposed, not yet in the contract). */
    static final String TOWNSHIP_DECIDED_BY = "townshipDecidedBy";
    static final String DECISION = "decision";
    static final String DECISION_REASONS = "decisionReasons";

    static final String REVIEW_DUE = "reviewDue";
    static final String REVIEW_INTERVAL_MONTHS = "reviewIntervalMonths";
    static final String REFUSAL_NOTICE_TEXT = "refusalNoticeText";

    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_NEW_AMOUNT_FEN = "reviewNewAmountFen";
    static final String REVIEW_DECISION_REASONS = "reviewDecisionReasons";
    static final String BENEFICIARY_STATEMENT = "beneficiaryStatement";

    static final String CASE_SUMMARY = "caseSummary";
    static final String SLA_EXTENSION_APPROVED_BY = "slaExtensionApprovedBy";

    private SubsistenceVariables() {
    }
}
