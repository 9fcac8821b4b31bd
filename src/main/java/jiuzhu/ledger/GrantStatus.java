package jiuzhu.ledger;

/** Where a grant stands: running at its first amount, running at a reduced amount, or stopped for good. */
public enum GrantStatus {
    ACTIVE, REDUCED, STOPPED;

    /** A running grant blocks a second grant of the same type to the same household. */
    public boolean isRunning() {
        return this != STOPPED;
    }
}
