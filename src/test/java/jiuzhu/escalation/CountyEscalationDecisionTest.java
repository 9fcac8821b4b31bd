package jiuzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jiuzhu.RecordingDmnEngine;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/county-escalation.dmn on the standalone engine: which cases leave the township for the county. */
class CountyEscalationDecisionTest {

    static final String DECISION = "county-escalation";

    static RecordingDmnEngine dmn;

    @BeforeAll
    static void parse() {
        dmn = new RecordingDmnEngine(Path.of("processes", "county-escalation.dmn"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} near={2} objection={3} complaint={4} caseByCase={5} amount={6}")
    @CsvSource(nullValues = "NULL", value = {
            "TownshipNorm, NULL, NULL, NULL, NULL, NULL, NULL, false, TOWNSHIP_NORM",
            "TownshipNorm, subsistence-allowance, false, false, false, false, 183000, false, TOWNSHIP_NORM",
            "TownshipNorm, subsistence-allowance, NULL, NULL, NULL, NULL, 183000, false, TOWNSHIP_NORM",
            "TownshipNorm, extreme-hardship-support, false, false, false, false, NULL, false, TOWNSHIP_NORM",
            "TownshipNorm, job-placement-sanction, NULL, NULL, NULL, NULL, NULL, false, TOWNSHIP_NORM",
            "NearRelative, subsistence-allowance, true, NULL, NULL, NULL, 100, true, NEAR_RELATIVE",
            "NearRelative, temporary-relief, true, true, true, true, 999999, true, NEAR_RELATIVE",
            "NearRelative, extreme-hardship-support, true, false, false, false, NULL, true, NEAR_RELATIVE",
            "ObjectionUpheld, subsistence-allowance, false, true, NULL, NULL, 100, true, OBJECTION_UPHELD",
            "ObjectionUpheld, subsistence-allowance, NULL, true, true, true, 600000, true, OBJECTION_UPHELD",
            "Complaint, job-placement-sanction, NULL, NULL, true, NULL, NULL, true, COMPLAINT",
            "Complaint, temporary-relief, false, false, true, true, 999999, true, COMPLAINT",
            "CaseByCase, temporary-relief, NULL, NULL, NULL, true, 100, true, CASE_BY_CASE",
            "CaseByCase, extreme-hardship-support, false, false, false, true, NULL, true, CASE_BY_CASE",
            "TownshipNorm, temporary-relief, false, false, false, false, 0, false, TOWNSHIP_NORM",
            "TownshipNorm, temporary-relief, false, false, false, false, 299999, false, TOWNSHIP_NORM",
            "TownshipNorm, temporary-relief, false, false, false, false, 300000, false, TOWNSHIP_NORM",
            "ReliefAboveTownshipLimit, temporary-relief, false, false, false, false, 300001, true, RELIEF_ABOVE_TOWNSHIP_LIMIT",
            "ReliefAboveTownshipLimit, temporary-relief, NULL, NULL, NULL, NULL, 2000000, true, RELIEF_ABOVE_TOWNSHIP_LIMIT",
            "TownshipNorm, temporary-relief, NULL, NULL, NULL, NULL, NULL, false, TOWNSHIP_NORM",
            "TownshipNorm, subsistence-allowance, false, false, false, false, 300001, false, TOWNSHIP_NORM",
            "TownshipNorm, subsistence-allowance, false, false, false, false, 500000, false, TOWNSHIP_NORM",
            "SubsistenceAmountAboveLimit, subsistence-allowance, false, false, false, false, 500001, true, SUBSISTENCE_AMOUNT_ABOVE_LIMIT",
            "SubsistenceAmountAboveLimit, subsistence-allowance, NULL, NULL, NULL, NULL, 910000, true, SUBSISTENCE_AMOUNT_ABOVE_LIMIT",
            "TownshipNorm, extreme-hardship-support, false, false, false, false, 999999, false, TOWNSHIP_NORM",
            "TownshipNorm, job-placement-sanction, false, false, false, false, 999999, false, TOWNSHIP_NORM",
            "TownshipNorm, NULL, false, false, false, false, 999999, false, TOWNSHIP_NORM",
    })
    void decidesWhetherTheCountyMustApprove(String rule, String type, Boolean near, Boolean objection,
                                            Boolean complaint, Boolean caseByCase, Integer amount,
                                            boolean needsCounty, String code) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("assistanceType", type);
        variables.put("nearRelative", near);
        variables.put("objectionUpheld", objection);
        variables.put("complaint", complaint);
        variables.put("caseByCase", caseByCase);
        variables.put("amountFen", amount);

        DmnDecisionResultEntries result = dmn.evaluate(DECISION, variables).getSingleResult();

        assertThat(dmn.matchedRules(DECISION)).containsExactly("Rule_" + rule);
        assertThat(result.get("needsCounty")).isInstanceOf(Boolean.class).isEqualTo(needsCounty);
        assertThat(result.get("reasonCode")).isEqualTo(code);
        assertThat((String) result.get("reason")).matches(".*\\p{IsHan}.*");
    }

    @Test
    void everyRuleIsCoveredByARow() throws NoSuchMethodException {
        CsvSource rows = getClass().getDeclaredMethod("decidesWhetherTheCountyMustApprove", String.class,
                String.class, Boolean.class, Boolean.class, Boolean.class, Boolean.class, Integer.class,
                boolean.class, String.class).getAnnotation(CsvSource.class);
        Set<String> covered = new HashSet<>();
        for (String row : rows.value()) {
            covered.add("Rule_" + row.substring(0, row.indexOf(',')).strip());
        }

        assertThat(covered).containsExactlyInAnyOrderElementsOf(dmn.ruleIds(DECISION));
    }

    @Test
    void absentVariablesCountAsFalseAndNull() {
        // a process that never set the flags at all: the variables do not exist, they are not even null
        DmnDecisionResultEntries result = dmn.evaluate(DECISION, Map.of("assistanceType", "temporary-relief"))
                .getSingleResult();

        assertThat(result.get("needsCounty")).isEqualTo(false);
        assertThat(result.get("reasonCode")).isEqualTo("TOWNSHIP_NORM");
        assertThat(result.get("reason")).isEqualTo("乡镇审批（常态）");
    }

    @Test
    void acceptsTheAmountAsALong() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("assistanceType", "temporary-relief");
        variables.put("amountFen", 300_001L);

        DmnDecisionResultEntries result = dmn.evaluate(DECISION, variables).getSingleResult();

        assertThat(result.get("reasonCode")).isEqualTo("RELIEF_ABOVE_TOWNSHIP_LIMIT");
    }
}
