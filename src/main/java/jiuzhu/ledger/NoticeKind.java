package jiuzhu.ledger;

/** The written notices an applicant or beneficiary receives. */
public enum NoticeKind {
    /** 一次性告知: everything missing, at once. */
    MISSING_MATERIALS,
    /** The application lapsed: the materials did not arrive in time. */
    LAPSE,
    /** 不予受理, with the reason. */
    INTAKE_REFUSAL,
    /** 不予批准, in writing with reasons (社会救助法 art. 45). */
    REFUSAL,
    APPROVAL,
    /** The outcome of a periodic review; a reduction or stop only after hearing the beneficiary (art. 48). */
    REVIEW_DECISION
}
