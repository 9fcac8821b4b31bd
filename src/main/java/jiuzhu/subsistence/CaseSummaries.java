package jiuzhu.subsistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import jiuzhu.calendar.SlaClock;
import jiuzhu.household.HouseholdRecords;
import jiuzhu.household.HouseholdRecords.Member;
import jiuzhu.household.HouseholdRecords.Relation;
import jiuzhu.intake.CaseRecords;
import jiuzhu.org.OrgRegistry;
import jiuzhu.org.Unit;

/**
 * The few lines a clerk sees on top of each task (the task-local variable {@code caseSummary}): case, township,
 * applicant, members by relation with masked ID numbers only (the variable lands in the engine's history tables),
 * household size, declared per-capita income and what is left of the time limit.
 */
@Service
class CaseSummaries {

    private static final Map<Relation, String> RELATIONS = Map.of(Relation.APPLICANT, "申请人", Relation.SPOUSE, "配偶",
            Relation.CHILD, "子女", Relation.PARENT, "父母", Relation.SIBLING, "兄弟姐妹", Relation.GRANDCHILD, "孙子女",
            Relation.GRANDPARENT, "祖父母", Relation.OTHER, "其他");

    private final CaseRecords cases;
    private final HouseholdRecords households;
    private final OrgRegistry org;
    private final SlaClock sla;

    CaseSummaries(CaseRecords cases, HouseholdRecords households, OrgRegistry org, SlaClock sla) {
        this.cases = cases;
        this.households = households;
        this.org = org;
        this.sla = sla;
    }

    /** A display text; a case without a row still gets a line, since a summary must never block the work. */
    String summary(String caseNumber) {
        Optional<CaseRecords.CaseFile> found = cases.find(caseNumber);
        if (found.isEmpty()) {
            return "案件 " + caseNumber + "：未找到案件记录";
        }
        CaseRecords.CaseFile file = found.get();
        List<Member> members = households.members(file.householdId());
        HouseholdFigures figures = HouseholdFigures.of(members);
        String applicant = members.stream().filter(m -> m.relation() == Relation.APPLICANT).map(Member::name)
                .findFirst().orElse("（未登记）");
        String township = org.find(file.townshipCode()).map(Unit::name).orElse("") + "（" + file.townshipCode() + "）";
        String memberLines = members.stream().map(m -> RELATIONS.get(m.relation()) + " " + m.maskedId())
                .collect(Collectors.joining("；"));
        String income = figures.perCapitaIncomeFen() == null ? "无法计算"
                : HouseholdFigures.yuan(figures.perCapitaIncomeFen()) + "元";
        return "案件编号：" + caseNumber + "\n乡镇（街道）：" + township + "\n申请人：" + applicant
                + "\n家庭成员：" + memberLines + "\n家庭人口：" + figures.householdSize() + "人"
                + "\n申报月人均收入：" + income + "\n办理时限：" + timeLeft(caseNumber);
    }

    private String timeLeft(String caseNumber) {
        return sla.view(caseNumber).map(v -> switch (v.state()) {
            case STOPPED -> "已办结";
            case SUSPENDED -> "计时中止（等待申请人），剩余" + v.remainingWorkingDays() + "个工作日";
            default -> v.remainingWorkingDays() < 0
                    ? "已超期" + (-v.remainingWorkingDays()) + "个工作日（截止" + v.deadline() + "）"
                    : "剩余" + v.remainingWorkingDays() + "个工作日（截止" + v.deadline() + (v.provisional() ? "，暂定" : "") + "）";
        }).orElse("尚未开始计时");
    }
}
