package jiuzhu.subsistence;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The two decisions the subsistence process asks, evaluated in the engine (so each evaluation is in Cockpit's
 * decision history) with exactly the inputs named here. Never a variable named {@code standardFen}: the eligibility
 * DRD would take a caller's value over the county table's. FEEL returns whole numbers as Integer or Long, so amounts
 * are read as {@link Number}.
 */
@Component
class DecisionTables {

    static final String ELIGIBILITY = "subsistence-eligibility";
    static final String ESCALATION = "county-escalation";

    record Eligibility(boolean eligible, String reasonCode, String reason, long monthlyAmountFen) {
    }

    record Escalation(boolean needsCounty, String reasonCode, String reason) {
    }

    private final DecisionService decisions;

    DecisionTables(DecisionService decisions) {
        this.decisions = decisions;
    }

    Eligibility eligibility(String countyCode, String residence, HouseholdFigures figures, boolean ownsNonEssentialVehicle) {
        Map<String, Object> in = new HashMap<>();
        in.put("countyCode", countyCode);
        in.put("residence", residence);
        in.put("householdSize", figures.householdSize());
        in.put("perCapitaIncomeFen", figures.perCapitaIncomeFen());
        in.put("perCapitaFinancialAssetsFen", figures.perCapitaFinancialAssetsFen());
        in.put("ownsNonEssentialVehicle", ownsNonEssentialVehicle);
        DmnDecisionResultEntries out = single(ELIGIBILITY, in);
        Number amount = out.getEntry("monthlyAmountFen");
        return new Eligibility(Boolean.TRUE.equals(out.getEntry("eligible")), out.getEntry("reasonCode"),
                out.getEntry("reason"), amount == null ? 0L : amount.longValue());
    }

    Escalation escalation(String assistanceType, Boolean nearRelative, Boolean objectionUpheld, Boolean complaint,
            Boolean caseByCase, Long amountFen) {
        Map<String, Object> in = new HashMap<>();
        in.put("assistanceType", assistanceType);
        in.put("nearRelative", nearRelative);
        in.put("objectionUpheld", objectionUpheld);
        in.put("complaint", complaint);
        in.put("caseByCase", caseByCase);
        in.put("amountFen", amountFen);
        DmnDecisionResultEntries out = single(ESCALATION, in);
        return new Escalation(Boolean.TRUE.equals(out.getEntry("needsCounty")), out.getEntry("reasonCode"),
                out.getEntry("reason"));
    }

    private DmnDecisionResultEntries single(String key, Map<String, Object> in) {
        DmnDecisionResultEntries out = decisions.evaluateDecisionByKey(key).variables(in).evaluate().getSingleResult();
        if (out == null) {
            // Both tables end with a catch-all rule: no result means the deployed table lost it.
            throw new IllegalStateException("决策" + key + "没有结果 / decision " + key + " gave no result");
        }
        return out;
    }
}
