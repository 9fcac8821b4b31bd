package jiuzhu.household;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jiuzhu.ledger.Grant;
import jiuzhu.ledger.Ledger;

/**
 * Verification against Jiuzhu's own records ({@code jiuzhu.verification.mode=built-in}, the default), until the
 * external platform is connected. The rule: the household is a DISCREPANCY when
 * <ol>
 * <li>it has no members, or</li>
 * <li>a member's declared monthly income or financial assets are negative, or</li>
 * <li>the same ID number (by its keyed look-up hash) is declared twice in the household, or</li>
 * <li>a member (by look-up hash) is also a member of another household that holds a running (ACTIVE or REDUCED)
 *     grant of the same assistance type in the ledger: the person would be assisted twice.</li>
 * </ol>
 * Otherwise it is CONFIRMED. Findings name every problem at once, with masked ID numbers only. Grants of other types
 * do not count (a dibao family may rightly ask for temporary relief), nor do stopped grants (a former beneficiary may
 * apply again). It cannot see income the household did not declare: that is what the platform is for.
 */
@Component
@ConditionalOnProperty(name = "jiuzhu.verification.mode", havingValue = "built-in", matchIfMissing = true)
class BuiltInHouseholdVerification implements HouseholdVerification {

    static final String SOURCE = "built-in";

    private final HouseholdRecords households;
    private final MemberLookup lookup;
    private final Ledger ledger;

    BuiltInHouseholdVerification(HouseholdRecords households, MemberLookup lookup, Ledger ledger) {
        this.households = households;
        this.lookup = lookup;
        this.ledger = ledger;
    }

    @Override
    public VerificationResult verify(long householdId, String caseNumber, String assistanceType) {
        households.find(householdId).orElseThrow(() -> new HouseholdVerificationException(
                "家庭不存在 / no household " + householdId + " (case " + caseNumber + ")"));
        List<HouseholdRecords.Member> members = households.members(householdId);
        List<String> findings = new ArrayList<>();
        if (members.isEmpty()) {
            findings.add("家庭没有成员");
        }
        for (HouseholdRecords.Member m : members) {
            if (m.monthlyIncomeFen() < 0) {
                findings.add("成员" + m.maskedId() + "申报的月收入为负数");
            }
            if (m.financialAssetsFen() < 0) {
                findings.add("成员" + m.maskedId() + "申报的金融资产为负数");
            }
        }
        List<String> hashes = lookup.hashes(householdId);
        if (new HashSet<>(hashes).size() < hashes.size()) {
            findings.add("同一身份证号码在本户申报了两次");
        }
        findings.addAll(assistedElsewhere(householdId, assistanceType));
        if (findings.isEmpty()) {
            return new VerificationResult(VerificationResult.Outcome.CONFIRMED,
                    "本系统记录核对一致（成员" + members.size() + "人，无重复救助）", SOURCE);
        }
        return new VerificationResult(VerificationResult.Outcome.DISCREPANCY, String.join("；", findings), SOURCE);
    }

    private List<String> assistedElsewhere(long householdId, String assistanceType) {
        Map<Long, Set<String>> shared = lookup.inOtherHouseholds(householdId).stream().collect(Collectors.groupingBy(
                MemberLookup.SharedMember::otherHouseholdId,
                Collectors.mapping(MemberLookup.SharedMember::maskedId, Collectors.toCollection(LinkedHashSet::new))));
        List<String> findings = new ArrayList<>();
        for (Grant grant : ledger.runningGrants(shared.keySet(), assistanceType)) {
            findings.add("成员" + String.join("、", shared.get(grant.householdId())) + "已在另一户（案件"
                    + grant.caseNumber() + "）享受同类救助");
        }
        return findings;
    }
}
