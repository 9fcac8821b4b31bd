package jiuzhu.escalation;

/**
 * The contract of the county exception-review process: its key and the variables a calling process passes in
 * and gets back. Public because every assistance module calls it; the names are declared here once.
 */
public final class CountyReview {

    public static final String PROCESS_KEY = "county-exception-review";

    /** In: the case number, also the business key. */
    public static final String CASE_NUMBER = "caseNumber";
    /** In: process key of the calling assistance process, e.g. {@code subsistence-allowance}. */
    public static final String ASSISTANCE_TYPE = "assistanceType";
    /** In: Camunda group of the county unit, e.g. {@code c371402}; candidate group of every task. */
    public static final String COUNTY_GROUP = "countyGroup";
    /** In: {@code reasonCode} of county-escalation.dmn. */
    public static final String ESCALATION_REASON_CODE = "escalationReasonCode";
    /** In: {@code reason} of county-escalation.dmn (Chinese text shown to the county). */
    public static final String ESCALATION_REASON = "escalationReason";
    /** In, Boolean: the county visits the household itself before deciding (near-relative cases). */
    public static final String COUNTY_VISIT_REQUIRED = "countyVisitRequired";

    /** Out: {@link CountyDecision} name. */
    public static final String DECISION = "countyDecision";
    /** Out: the county's reasons; required unless approved. */
    public static final String DECISION_REASONS = "countyDecisionReasons";
    /** Out: user id of the officer who completed the review. */
    public static final String DECIDED_BY = "countyDecidedBy";
    /** Out, java.util.Date: when the decision was recorded. */
    public static final String DECIDED_AT = "countyDecidedAt";

    /** Kept in the county instance, not returned: when the reviewer was last reminded. */
    static final String REMINDER_SENT_AT = "countyReminderSentAt";

    private CountyReview() {
    }
}
