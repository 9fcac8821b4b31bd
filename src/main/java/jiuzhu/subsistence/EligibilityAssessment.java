package jiuzhu.subsistence;

import org.springframework.stereotype.Service;

import jiuzhu.household.HouseholdRecords;
import jiuzhu.intake.CaseRecords;

/**
 * Assesses a case from Jiuzhu's own records: the household and its members as filed (and verified), the county of the
 * case's township (its first 6 digits), through the {@code subsistence-eligibility} decision.
 */
@Service
class EligibilityAssessment {

    private final CaseRecords cases;
    private final HouseholdRecords households;
    private final DecisionTables tables;

    EligibilityAssessment(CaseRecords cases, HouseholdRecords households, DecisionTables tables) {
        this.cases = cases;
        this.households = households;
        this.tables = tables;
    }

    DecisionTables.Eligibility assess(String caseNumber) {
        CaseRecords.CaseFile file = SubsistenceCases.require(cases, caseNumber);
        HouseholdRecords.Household household = households.find(file.householdId()).orElseThrow(() ->
                new IllegalStateException("案件的家庭不存在 / no household " + file.householdId() + " for case " + caseNumber));
        HouseholdFigures figures = HouseholdFigures.of(households.members(household.id()));
        return tables.eligibility(file.townshipCode().substring(0, 6), household.residence().name(), figures,
                household.ownsNonEssentialVehicle());
    }
}
