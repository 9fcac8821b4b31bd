package jiuzhu.household;

/**
 * The household economic-status verification (家庭经济状况核对) every case goes through. Which implementation runs is
 * configuration ({@code jiuzhu.verification.mode}): {@code built-in} checks Jiuzhu's own records, {@code http} asks the
 * external verification platform. An implementation that cannot give an answer throws; it never reports a pass it
 * did not get, because a silent pass would grant assistance nobody checked.
 */
public interface HouseholdVerification {

    /**
     * @param assistanceType the process key of the case's assistance type, e.g. {@code subsistence-allowance}:
     *        assistance of the same type elsewhere is what makes a duplicate
     * @throws HouseholdVerificationException if no answer could be obtained (the job fails and becomes an incident)
     */
    VerificationResult verify(long householdId, String caseNumber, String assistanceType);
}
