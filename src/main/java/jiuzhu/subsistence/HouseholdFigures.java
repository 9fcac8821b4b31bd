package jiuzhu.subsistence;

import java.util.List;

import jiuzhu.household.HouseholdRecords;

/**
 * The per-capita figures the eligibility decision reads, from the members' declared monthly income and financial
 * assets. Integer fen throughout; per-capita values are rounded down (floor), so the household is never credited
 * with a fen it does not have, and the gap to the standard is never understated. An empty household has no
 * per-capita figures (null), which the decision table answers with "cannot decide".
 */
record HouseholdFigures(int householdSize, long totalIncomeFen, long totalFinancialAssetsFen, Long perCapitaIncomeFen,
        Long perCapitaFinancialAssetsFen) {

    static HouseholdFigures of(List<HouseholdRecords.Member> members) {
        int size = members.size();
        long income = members.stream().mapToLong(HouseholdRecords.Member::monthlyIncomeFen).sum();
        long assets = members.stream().mapToLong(HouseholdRecords.Member::financialAssetsFen).sum();
        if (size == 0) {
            return new HouseholdFigures(0, income, assets, null, null);
        }
        return new HouseholdFigures(size, income, assets, Math.floorDiv(income, size), Math.floorDiv(assets, size));
    }

    /** "123.45": fen shown as yuan with two decimals, for people to read. */
    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }
}
