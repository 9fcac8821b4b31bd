package jiuzhu.subsistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jiuzhu.RecordingDmnEngine;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/subsistence-eligibility.dmn on the standalone engine. Expected amounts are worked out by hand
 * in each row from the demo standards (urban 91000 fen, rural 75000 fen): if the process owner changes a
 * standard, these rows must change with it.
 */
class SubsistenceEligibilityDecisionTest {

    static final String STANDARD = "subsistence-local-standard";
    static final String ELIGIBILITY = "subsistence-eligibility";
    static RecordingDmnEngine dmn;

    @BeforeAll
    static void parse() {
        dmn = new RecordingDmnEngine(Path.of("processes", "subsistence-eligibility.dmn"));
    }

    // ---------------------------------------------------------------- the standard table

    @ParameterizedTest
    @CsvSource({
            "371402, URBAN, 91000", "371402, RURAL, 75000",
            "371403, URBAN, 91000", "371403, RURAL, 75000",
            "371422, URBAN, 91000", "371422, RURAL, 75000",
            "371423, URBAN, 91000", "371423, RURAL, 75000",
            "371424, URBAN, 91000", "371424, RURAL, 75000",
            "371425, URBAN, 91000", "371425, RURAL, 75000",
            "371426, URBAN, 91000", "371426, RURAL, 75000",
            "371427, URBAN, 91000", "371427, RURAL, 75000",
            "371428, URBAN, 91000", "371428, RURAL, 75000",
            "371481, URBAN, 91000", "371481, RURAL, 75000",
            "371482, URBAN, 91000", "371482, RURAL, 75000",
    })
    void everyDezhouCountyHasAnUrbanAndARuralStandard(String county, String residence, int standardFen) {
        DmnDecisionResult result = dmn.evaluate(STANDARD, Map.of("countyCode", county, "residence", residence));

        assertThat(result).hasSize(1);
        Object standard = result.getSingleResult().getEntry("standardFen");
        assertThat(standard).isInstanceOf(Integer.class).isEqualTo(standardFen);
        String rule = "Rule_Standard_" + county + "_" + (residence.equals("URBAN") ? "Urban" : "Rural");
        assertThat(dmn.matchedRules(STANDARD)).containsExactly(rule);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "371400, URBAN", // the city itself is not a county-level unit
            "370102, URBAN", // a Jinan district: not in Dezhou's table
            "371402, urban", // codes are upper case
            "371402, SUBURBAN",
            "NULL, URBAN",
            "371402, NULL",
            "'371402 ', RURAL",
    })
    void anUnknownCountyOrResidenceHasNoStandard(String county, String residence) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("countyCode", county);
        variables.put("residence", residence);

        assertThat(dmn.evaluate(STANDARD, variables)).isEmpty();
    }

    // ---------------------------------------------------------------- eligibility and amount

    record Case(String rule, String county, String residence, Integer size, Integer income, Integer assets,
                Boolean vehicle, boolean eligible, String reasonCode, int amountFen) {
        @Override
        public String toString() {
            return rule + ": " + county + "/" + residence + " size=" + size + " income=" + income
                    + " assets=" + assets + " vehicle=" + vehicle + " → " + reasonCode + " " + amountFen;
        }
    }

    static Case eligible(String county, String residence, Integer size, Integer income, Integer assets,
                         Boolean vehicle, int amountFen) {
        return new Case("Rule_Eligible", county, residence, size, income, assets, vehicle, true, "ELIGIBLE",
                amountFen);
    }

    static Case refused(String rule, String reasonCode, String county, String residence, Integer size,
                        Integer income, Integer assets, Boolean vehicle) {
        return new Case(rule, county, residence, size, income, assets, vehicle, false, reasonCode, 0);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // eligible: (standard − income) × size, worked out by hand
                eligible("371402", "URBAN", 3, 30_000, 0, false, 183_000),    // (91000 − 30000) × 3
                eligible("371482", "RURAL", 1, 0, 0, false, 75_000),          // (75000 − 0) × 1
                eligible("371403", "URBAN", 2, 90_999, 0, false, 2),          // one fen under the standard
                eligible("371427", "URBAN", 4, 80_000, 0, false, 44_000),     // (91000 − 80000) × 4
                eligible("371424", "RURAL", 5, 12_345, 100, null, 313_275),   // (75000 − 12345) × 5; no vehicle given
                eligible("371402", "URBAN", 2, 50_000, 2_184_000, false, 82_000), // assets exactly 24 × 91000
                eligible("371423", "RURAL", 2, 50_000, 1_800_000, false, 50_000), // assets exactly 24 × 75000
                // income equal to or above the standard
                refused("Rule_IncomeAboveStandard", "INCOME_ABOVE_STANDARD", "371403", "URBAN", 2, 91_000, 0, false),
                refused("Rule_IncomeAboveStandard", "INCOME_ABOVE_STANDARD", "371425", "RURAL", 3, 75_000, 0, false),
                refused("Rule_IncomeAboveStandard", "INCOME_ABOVE_STANDARD", "371427", "RURAL", 4, 80_000, 0, false),
                // income is checked before assets and vehicle
                refused("Rule_IncomeAboveStandard", "INCOME_ABOVE_STANDARD", "371402", "URBAN", 1, 95_000,
                        9_999_999, true),
                // assets above 24 × the standard
                refused("Rule_AssetsAboveLimit", "ASSETS_ABOVE_LIMIT", "371402", "URBAN", 2, 50_000, 2_184_001, false),
                refused("Rule_AssetsAboveLimit", "ASSETS_ABOVE_LIMIT", "371423", "RURAL", 2, 50_000, 1_800_001, false),
                refused("Rule_AssetsAboveLimit", "ASSETS_ABOVE_LIMIT", "371481", "RURAL", 2, 0, 2_000_000, true),
                // a vehicle
                refused("Rule_Vehicle", "VEHICLE", "371426", "URBAN", 3, 10_000, 0, true),
                refused("Rule_Vehicle", "VEHICLE", "371428", "RURAL", 1, 0, 1_800_000, true),
                // no standard for the place: nothing else can be judged
                refused("Rule_StandardUnknown", "STANDARD_UNKNOWN", "371400", "URBAN", 3, 30_000, 0, false),
                refused("Rule_StandardUnknown", "STANDARD_UNKNOWN", "371402", "urban", 3, 30_000, 0, false),
                refused("Rule_StandardUnknown", "STANDARD_UNKNOWN", null, "RURAL", 3, 30_000, 0, false),
                refused("Rule_StandardUnknown", "STANDARD_UNKNOWN", "371402", null, 3, 30_000, 0, false),
                refused("Rule_StandardUnknown", "STANDARD_UNKNOWN", "999999", "URBAN", null, null, null, null),
                // missing or impossible figures from the verification
                refused("Rule_HouseholdSizeInvalid", "INPUT_INVALID", "371402", "URBAN", null, 30_000, 0, false),
                refused("Rule_HouseholdSizeInvalid", "INPUT_INVALID", "371402", "URBAN", 0, 30_000, 0, false),
                refused("Rule_HouseholdSizeInvalid", "INPUT_INVALID", "371402", "URBAN", -2, 30_000, 0, false),
                refused("Rule_IncomeInvalid", "INPUT_INVALID", "371402", "URBAN", 3, null, 0, false),
                refused("Rule_IncomeInvalid", "INPUT_INVALID", "371402", "URBAN", 3, -1, 0, false),
                refused("Rule_AssetsInvalid", "INPUT_INVALID", "371402", "URBAN", 3, 30_000, null, false),
                refused("Rule_AssetsInvalid", "INPUT_INVALID", "371402", "URBAN", 3, 30_000, -1, false),
                refused("Rule_HouseholdSizeInvalid", "INPUT_INVALID", "371402", "URBAN", null, null, null, null)
        );
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decidesEligibilityAndAmount(Case c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("countyCode", c.county());
        variables.put("residence", c.residence());
        variables.put("householdSize", c.size());
        variables.put("perCapitaIncomeFen", c.income());
        variables.put("perCapitaFinancialAssetsFen", c.assets());
        variables.put("ownsNonEssentialVehicle", c.vehicle());

        DmnDecisionResultEntries result = dmn.evaluate(ELIGIBILITY, variables).getSingleResult();

        assertThat(dmn.matchedRules(ELIGIBILITY)).containsExactly(c.rule());
        assertThat(result.get("eligible")).isInstanceOf(Boolean.class).isEqualTo(c.eligible());
        assertThat(result.get("reasonCode")).isEqualTo(c.reasonCode());
        assertThat((String) result.get("reason")).isNotBlank().matches(".*\\p{IsHan}.*");
        assertThat(result.get("monthlyAmountFen")).isInstanceOf(Integer.class).isEqualTo(c.amountFen());
        assertThat(result.keySet())
                .containsExactlyInAnyOrder("eligible", "reasonCode", "reason", "monthlyAmountFen");
    }

    @Test
    void everyEligibilityRuleIsCoveredByACase() {
        Set<String> covered = new HashSet<>(cases().map(Case::rule).toList());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(dmn.ruleIds(ELIGIBILITY));
    }

    @Test
    void acceptsLongsAsProcessVariablesOftenAreAndStillAnswersInIntegers() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("countyCode", "371422");
        variables.put("residence", "URBAN");
        variables.put("householdSize", 2L);
        variables.put("perCapitaIncomeFen", 40_000L);
        variables.put("perCapitaFinancialAssetsFen", 0L);
        variables.put("ownsNonEssentialVehicle", Boolean.FALSE);

        DmnDecisionResultEntries result = dmn.evaluate(ELIGIBILITY, variables).getSingleResult();

        assertThat(result.get("monthlyAmountFen")).isInstanceOf(Integer.class).isEqualTo(102_000); // (91000 − 40000) × 2
    }

    @Test
    void ignoresAStandardTheCallerPassesInWhenTheTableHasOne() {
        // the required decision's output replaces a variable of the same name: callers cannot bypass the table
        Map<String, Object> variables = new HashMap<>();
        variables.put("countyCode", "371402");
        variables.put("residence", "RURAL");
        variables.put("standardFen", 1_000_000);
        variables.put("householdSize", 1);
        variables.put("perCapitaIncomeFen", 70_000);
        variables.put("perCapitaFinancialAssetsFen", 0);
        variables.put("ownsNonEssentialVehicle", false);

        DmnDecisionResultEntries result = dmn.evaluate(ELIGIBILITY, variables).getSingleResult();

        assertThat(result.get("monthlyAmountFen")).isEqualTo(5_000); // (75000 − 70000) × 1
    }
}
