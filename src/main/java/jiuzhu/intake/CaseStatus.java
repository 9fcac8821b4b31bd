package jiuzhu.intake;

/** Where a case stands, as the residents' side sees it. */
public enum CaseStatus {
    FILED, INCOMPLETE, ACCEPTED, NOT_ACCEPTED, LAPSED, APPROVED, REFUSED, STOPPED;

    /** Cases that still block a new application of the same type for the same people. */
    public boolean isOpen() {
        return this == FILED || this == INCOMPLETE || this == ACCEPTED || this == APPROVED;
    }
}
