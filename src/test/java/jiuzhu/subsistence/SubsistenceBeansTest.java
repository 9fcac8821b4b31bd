package jiuzhu.subsistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import jiuzhu.TestDatabase;
import jiuzhu.calendar.SlaClock;
import jiuzhu.household.HouseholdRecords;
import jiuzhu.household.HouseholdRecords.NewHousehold;
import jiuzhu.household.HouseholdRecords.NewMember;
import jiuzhu.household.HouseholdRecords.Relation;
import jiuzhu.household.HouseholdRecords.Residence;
import jiuzhu.household.HouseholdVerification;
import jiuzhu.household.ResidentIdNumber;
import jiuzhu.household.VerificationRecords;
import jiuzhu.intake.CaseRecords;
import jiuzhu.intake.CaseStatus;
import jiuzhu.ledger.Grant;
import jiuzhu.ledger.GrantStatus;
import jiuzhu.ledger.Ledger;
import jiuzhu.ledger.NoticeKind;
import jiuzhu.ledger.Notices;

/**
 * Every bean of the dibao contract in the real application (H2, Flyway, the repository's DMN files deployed by the
 * starter, the real DecisionService), called as the engine calls it: executions and tasks are stand-ins carrying the
 * variables, the business key and the engine's services. One Spring context for all of them.
 */
@SpringBootTest
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:subsistence-beans;DB_CLOSE_DELAY=-1"})
class SubsistenceBeansTest {

    static final AtomicInteger CASES = new AtomicInteger();
    static final AtomicInteger PEOPLE = new AtomicInteger(100);

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired HouseholdRecords households;
    @Autowired CaseRecords cases;
    @Autowired Ledger ledger;
    @Autowired Notices notices;
    @Autowired VerificationRecords verifications;
    @Autowired SlaClock sla;

    final Map<String, Object> variables = new HashMap<>();
    List<ResidentIdNumber> lastIds;

    /** A valid resident ID number not used before in this test class (check character computed, MOD 11-2). */
    static ResidentIdNumber person() {
        String body = "3714021980" + "0101" + String.format("%03d", PEOPLE.incrementAndGet());
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return ResidentIdNumber.parse(body + "10X98765432".charAt(sum % 11));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    static Date shanghai(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(TestDatabase.SHANGHAI).toInstant());
    }

    /** A case of three urban members in 德城区 (standard 91000 fen) with a total monthly income of 100000 fen. */
    String newCase(long... incomes) {
        long[] income = incomes.length == 0 ? new long[] {100_000, 0, 0} : incomes;
        // New people for every case: the built-in verification rightly flags people assisted in another case.
        ResidentIdNumber[] ids = {person(), person(), person()};
        lastIds = List.of(ids);
        Relation[] relations = {Relation.APPLICANT, Relation.SPOUSE, Relation.CHILD};
        List<NewMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < income.length; i++) {
            members.add(new NewMember(i == 0 ? "张三" : "家人" + i, ids[i], relations[i], i == 2, income[i], 0));
        }
        long household = households.create(new NewHousehold("371402001001", Residence.URBAN, "新湖街道", false, members));
        String caseNumber = String.format("DB-2026-%06d", 900_000 + CASES.incrementAndGet());
        jdbc.update("insert into jz_case (case_number, assistance_type, status, township_code, village_code, filed_at_unit,"
                + " filed_by, filed_at, household_id, near_relative) values (?, 'subsistence-allowance', 'ACCEPTED',"
                + " '371402001', '371402001001', '371402001', 'clerk1', ?, ?, false)", caseNumber,
                Timestamp.from(Instant.now()), household);
        return caseNumber;
    }

    DelegateExecution execution(String caseNumber) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn(caseNumber);
        when(execution.getProcessEngineServices()).thenReturn(engine);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(anyString(), any());
        return execution;
    }

    void run(String bean, String caseNumber) throws Exception {
        context.getBean(bean, JavaDelegate.class).execute(execution(caseNumber));
    }

    // ---------------------------------------------------------------- wiring

    @Test
    void everyBeanOfTheContractExistsUnderItsName() {
        for (String name : List.of("issueMissingMaterialsNotice", "issueLapseNotice", "issueIntakeRefusal",
                "verifyHouseholdEconomy", "assessEligibility", "startPublicity", "decideWhoDecides",
                "recordSubsistenceDecision", "grantAllowance", "issueRefusalNotice", "recordNoticeOverdue",
                "applyReviewDecision", "scheduleNextReview", "startSlaClock", "suspendSlaClock", "resumeSlaClock",
                "stopSlaClock", "extendSlaClock", "recordSlaWarning", "recordSlaBreach")) {
            assertThat(context.getBean(name)).as(name).isInstanceOf(JavaDelegate.class);
        }
        for (String name : List.of("showCaseSummary", "recordExtensionApprover", "recordTownshipDecider")) {
            assertThat(context.getBean(name)).as(name).isInstanceOf(TaskListener.class);
        }
        assertThat(context.getBean("intakeDeadlines")).isInstanceOf(IntakeDeadlines.class);
        assertThat(context.getBean("noticeDeadlines")).isInstanceOf(NoticeDeadlines.class);
        assertThat(context.getBean(HouseholdVerification.class).getClass().getSimpleName())
                .as("the default verification mode").isEqualTo("BuiltInHouseholdVerification");
    }

    // ---------------------------------------------------------------- intake notices

    @Test
    void theMissingMaterialsNoticeListsEverythingAndGivesTheWorkingDayDeadline() throws Exception {
        String caseNumber = newCase();
        ClockUtil.setCurrentTime(shanghai(2026, 9, 29, 10, 0));
        variables.put("missingMaterials", "1. 户口簿复印件\n2. 收入证明");

        run("issueMissingMaterialsNotice", caseNumber);

        // 10 working days after Tue 2026-09-29: Sep 30, Oct 8, 9, Sat 10 (worked), 12–16, Mon 19.
        assertThat(notices.ofCase(caseNumber)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.MISSING_MATERIALS);
            assertThat(n.text()).contains("户口簿复印件", "收入证明", "2026-10-19");
            assertThat(n.dueBy()).isEqualTo(LocalDate.of(2026, 10, 19));
        });
        assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.INCOMPLETE);
        assertThat(context.getBean(IntakeDeadlines.class).materialsDue(execution(caseNumber)))
                .isEqualTo(shanghai(2026, 10, 20, 0, 0));

        variables.put("missingMaterials", "  ");
        assertThatThrownBy(() -> run("issueMissingMaterialsNotice", caseNumber)).hasMessageContaining("missing materials");
    }

    @Test
    void lapseAndIntakeRefusalLeaveTheirStatusAndNotice() throws Exception {
        String lapsed = newCase();
        run("issueLapseNotice", lapsed);
        assertThat(cases.find(lapsed).orElseThrow().status()).isEqualTo(CaseStatus.LAPSED);
        assertThat(notices.ofCase(lapsed)).extracting(Notices.Notice::kind).containsExactly(NoticeKind.LAPSE);

        String refused = newCase();
        assertThatThrownBy(() -> run("issueIntakeRefusal", refused)).hasMessageContaining("needs a reason");
        variables.put("intakeRefusalReason", "不属于本乡镇受理范围");
        run("issueIntakeRefusal", refused);
        assertThat(cases.find(refused).orElseThrow().status()).isEqualTo(CaseStatus.NOT_ACCEPTED);
        assertThat(notices.ofCase(refused)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("不属于本乡镇受理范围", "行政复议"));
    }

    // ---------------------------------------------------------------- verification, eligibility, publicity

    @Test
    void verificationIsRecordedAndItsOutcomeSet() throws Exception {
        String caseNumber = newCase();
        run("verifyHouseholdEconomy", caseNumber);
        assertThat(variables).containsEntry("verificationOutcome", "CONFIRMED");
        assertThat(verifications.ofCase(caseNumber)).singleElement().satisfies(v -> assertThat(v.source()).isEqualTo("built-in"));
    }

    @Test
    void eligibilityIsDecidedByTheDeployedTableOnPerCapitaIncomeRoundedDown() throws Exception {
        String caseNumber = newCase(100_000, 0, 0);

        run("assessEligibility", caseNumber);

        // 100000 / 3 = 33333 fen per person (rounded down); (91000 - 33333) × 3 = 173001 fen.
        assertThat(variables).containsEntry("eligible", Boolean.TRUE).containsEntry("eligibilityReasonCode", "ELIGIBLE")
                .containsEntry("monthlyAmountFen", 173_001L);
        assertThat(variables.get("monthlyAmountFen")).isInstanceOf(Long.class);
        assertThat(variables.get("eligibilityReason")).isInstanceOf(String.class);
    }

    @Test
    void anIncomeAtTheStandardIsNotEligible() throws Exception {
        String caseNumber = newCase(273_000, 0, 0);

        run("assessEligibility", caseNumber);

        assertThat(variables).containsEntry("eligible", Boolean.FALSE)
                .containsEntry("eligibilityReasonCode", "INCOME_ABOVE_STANDARD").containsEntry("monthlyAmountFen", 0L);
    }

    @Test
    void publicityRunsSevenCalendarDaysAndLeavesTheCaseAccepted() throws Exception {
        String caseNumber = newCase();
        ClockUtil.setCurrentTime(shanghai(2026, 9, 29, 10, 0));

        run("startPublicity", caseNumber);

        assertThat(variables).containsEntry("publicityEndsAt", shanghai(2026, 10, 6, 10, 0));
        assertThat(jdbc.queryForObject("select village_code from jz_publicity where case_number = ?", String.class,
                caseNumber)).isEqualTo("371402001001");
        assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.ACCEPTED);
        run("startPublicity", caseNumber);
        assertThat(jdbc.queryForList("select round from jz_publicity where case_number = ? order by round",
                Integer.class, caseNumber)).containsExactly(1, 2);
    }

    @Test
    void theCountyDecidesOnlyTheExceptions() throws Exception {
        variables.putAll(Map.of("assistanceType", "subsistence-allowance", "nearRelative", false, "objectionUpheld", false,
                "complaint", false, "caseByCase", false, "monthlyAmountFen", 173_001L));
        run("decideWhoDecides", "DB-X");
        assertThat(variables).containsEntry("needsCounty", false).containsEntry("escalationReasonCode", "TOWNSHIP_NORM");

        variables.put("nearRelative", true);
        run("decideWhoDecides", "DB-X");
        assertThat(variables).containsEntry("needsCounty", true).containsEntry("escalationReasonCode", "NEAR_RELATIVE");

        variables.put("nearRelative", false);
        variables.put("monthlyAmountFen", 500_001);
        run("decideWhoDecides", "DB-X");
        assertThat(variables).containsEntry("escalationReasonCode", "SUBSISTENCE_AMOUNT_ABOVE_LIMIT");
    }

    // ---------------------------------------------------------------- decision, grant, refusal

    @Test
    void aTownshipApprovalIsRecordedOnTheCase() throws Exception {
        String caseNumber = newCase();
        engine.getIdentityService().setAuthenticatedUserId("clerk1");
        variables.putAll(Map.of("eligible", true, "eligibilityReason", "符合低保条件，按差额发放", "needsCounty", false,
                "townshipDecision", "APPROVED"));

        run("recordSubsistenceDecision", caseNumber);

        assertThat(variables).containsEntry("decision", "APPROVED").containsEntry("decisionReasons", "符合低保条件，按差额发放");
        CaseRecords.CaseFile file = cases.find(caseNumber).orElseThrow();
        assertThat(file.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(file.decidedBy()).isEqualTo("clerk1");
    }

    @Test
    void anIneligibleCaseIsRefusedAndTheCountysDeciderIsRecorded() throws Exception {
        String refused = newCase();
        variables.putAll(Map.of("eligible", false, "eligibilityReason", "家庭月人均收入不低于当地低保标准", "needsCounty", false));
        run("recordSubsistenceDecision", refused);
        assertThat(variables).containsEntry("decision", "REFUSED");
        assertThat(cases.find(refused).orElseThrow().decidedBy()).isEqualTo("system");

        String county = newCase();
        variables.putAll(Map.of("eligible", true, "needsCounty", true, "countyDecision", "REFUSED",
                "countyDecisionReasons", "入户核查发现隐瞒收入", "countyDecidedBy", "county1"));
        run("recordSubsistenceDecision", county);
        CaseRecords.CaseFile file = cases.find(county).orElseThrow();
        assertThat(file.decidedBy()).isEqualTo("county1");
        assertThat(file.decisionReasons()).isEqualTo("入户核查发现隐瞒收入");

        variables.put("countyDecision", "RETURNED");
        assertThatThrownBy(() -> run("recordSubsistenceDecision", county)).hasMessageContaining("RETURNED");
    }

    @Test
    void aGrantDecidedInDecemberIsPaidFromJanuaryAndReviewedAfterSixMonthsWhenAMemberCanWork() throws Exception {
        String caseNumber = newCase();
        ClockUtil.setCurrentTime(shanghai(2026, 12, 15, 10, 0));
        cases.recordDecision(caseNumber, "APPROVED", "符合条件", "clerk1", ClockUtil.getCurrentTime().toInstant());
        variables.putAll(Map.of("monthlyAmountFen", 173_001L, "memberCanWork", true, "irregularIncome", false));

        run("grantAllowance", caseNumber);

        Grant grant = ledger.findByCase(caseNumber).orElseThrow();
        assertThat(grant.firstMonth()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(grant.monthlyAmountFen()).isEqualTo(173_001L);
        assertThat(variables).containsEntry("reviewDue", shanghai(2027, 7, 1, 9, 0)).containsEntry("reviewIntervalMonths", 6L);
        assertThat(notices.ofCase(caseNumber)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.APPROVAL);
            assertThat(n.text()).contains("1730.01元", "2027年1月");
        });

        run("grantAllowance", caseNumber);
        assertThat(notices.ofCase(caseNumber)).as("a retried job grants and notifies once").hasSize(1);

        run("scheduleNextReview", caseNumber);
        assertThat(variables).containsEntry("reviewDue", shanghai(2028, 1, 1, 9, 0));
        assertThat(ledger.findByCase(caseNumber).orElseThrow().nextReview()).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void aStableHouseholdIsReviewedAfterTwelveMonths() throws Exception {
        String caseNumber = newCase();
        ClockUtil.setCurrentTime(shanghai(2026, 5, 20, 10, 0));
        cases.recordDecision(caseNumber, "APPROVED", "符合条件", "clerk1", ClockUtil.getCurrentTime().toInstant());
        variables.putAll(Map.of("monthlyAmountFen", 50_000, "memberCanWork", false, "irregularIncome", false));

        run("grantAllowance", caseNumber);

        assertThat(variables).containsEntry("reviewDue", shanghai(2027, 6, 1, 9, 0)).containsEntry("reviewIntervalMonths", 12L);
    }

    @Test
    void theRefusalNoticeCarriesTheReasonsAndItsLegalDateAndAnOverdueIsRecorded() throws Exception {
        String caseNumber = newCase();
        ClockUtil.setCurrentTime(shanghai(2026, 9, 29, 10, 0));
        cases.recordDecision(caseNumber, "REFUSED", "家庭月人均收入不低于当地低保标准", "clerk1", ClockUtil.getCurrentTime().toInstant());
        // 3 working days after Tue 2026-09-29: Sep 30, Oct 8, Oct 9 → due at the end of Fri Oct 9.
        assertThat(context.getBean(NoticeDeadlines.class).refusalNoticeDue(execution(caseNumber)))
                .isEqualTo(shanghai(2026, 10, 10, 0, 0));

        ClockUtil.setCurrentTime(shanghai(2026, 10, 10, 0, 0));
        run("recordNoticeOverdue", caseNumber);
        assertThat(notices.overdueOfCase(caseNumber)).singleElement()
                .satisfies(o -> assertThat(o.dueBy()).isEqualTo(LocalDate.of(2026, 10, 9)));

        variables.put("decisionReasons", "家庭月人均收入不低于当地低保标准");
        assertThatThrownBy(() -> run("issueRefusalNotice", caseNumber)).hasMessageContaining("no text");
        variables.put("refusalNoticeText", "不予批准最低生活保障通知书");
        run("issueRefusalNotice", caseNumber);
        assertThat(notices.ofCase(caseNumber)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.REFUSAL);
            assertThat(n.text()).contains("不予批准最低生活保障通知书", "家庭月人均收入不低于当地低保标准");
            assertThat(n.dueBy()).isEqualTo(LocalDate.of(2026, 10, 9));
        });
        assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.REFUSED);
    }

    // ---------------------------------------------------------------- periodic review

    String grantedCase() {
        String caseNumber = newCase();
        cases.recordDecision(caseNumber, "APPROVED", "符合条件", "clerk1", Instant.now());
        ledger.grant(caseNumber, cases.find(caseNumber).orElseThrow().householdId(), "subsistence-allowance", 90_000,
                LocalDate.now(), 12, "clerk1");
        return caseNumber;
    }

    @Test
    void aReductionWithoutAHearingOrReasonsIsRefused() throws Exception {
        String caseNumber = grantedCase();
        variables.putAll(Map.of("reviewDecision", "REDUCE", "reviewNewAmountFen", 60_000L, "reviewDecisionReasons", "儿子已就业"));
        assertThatThrownBy(() -> run("applyReviewDecision", caseNumber)).hasMessageContaining("hearing the beneficiary");

        variables.put("beneficiaryStatement", "  ");
        variables.put("reviewDecision", "STOP");
        assertThatThrownBy(() -> run("applyReviewDecision", caseNumber)).hasMessageContaining("hearing the beneficiary");

        variables.put("beneficiaryStatement", "儿子工作不稳定");
        variables.put("reviewDecisionReasons", "");
        assertThatThrownBy(() -> run("applyReviewDecision", caseNumber)).hasMessageContaining("written reasons");

        Grant grant = ledger.findByCase(caseNumber).orElseThrow();
        assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(ledger.changes(grant.id())).isEmpty();
        assertThat(notices.ofCase(caseNumber)).isEmpty();
    }

    @Test
    void aHeardReductionChangesTheLedgerAndIsNotified() throws Exception {
        String caseNumber = grantedCase();
        variables.putAll(Map.of("reviewDecision", "REDUCE", "reviewNewAmountFen", 60_000L, "reviewDecisionReasons",
                "儿子已就业，家庭收入增加", "beneficiaryStatement", "儿子工作不稳定"));

        run("applyReviewDecision", caseNumber);

        Grant grant = ledger.findByCase(caseNumber).orElseThrow();
        assertThat(grant.status()).isEqualTo(GrantStatus.REDUCED);
        assertThat(grant.monthlyAmountFen()).isEqualTo(60_000);
        assertThat(ledger.changes(grant.id())).singleElement()
                .satisfies(c -> assertThat(c.reasons()).isEqualTo("儿子已就业，家庭收入增加"));
        assertThat(notices.ofCase(caseNumber)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.REVIEW_DECISION);
            assertThat(n.text()).contains("600.00元", "儿子已就业，家庭收入增加");
        });
    }

    @Test
    void aHeardStopEndsTheGrantAndAContinuationOnlyNotifies() throws Exception {
        String stopped = grantedCase();
        variables.putAll(Map.of("reviewDecision", "STOP", "reviewDecisionReasons", "家庭收入超过标准",
                "beneficiaryStatement", "无异议"));
        run("applyReviewDecision", stopped);
        assertThat(ledger.findByCase(stopped).orElseThrow().status()).isEqualTo(GrantStatus.STOPPED);
        assertThat(cases.find(stopped).orElseThrow().status()).isEqualTo(CaseStatus.STOPPED);

        String continued = grantedCase();
        variables.clear();
        variables.put("reviewDecision", "CONTINUE");
        run("applyReviewDecision", continued);
        assertThat(ledger.findByCase(continued).orElseThrow().status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(notices.ofCase(continued)).extracting(Notices.Notice::kind).containsExactly(NoticeKind.REVIEW_DECISION);
    }

    // ---------------------------------------------------------------- listeners

    @Test
    void theCaseSummaryShowsMaskedIdNumbersOnly() throws Exception {
        String caseNumber = newCase(100_000, 0, 0);
        ClockUtil.setCurrentTime(shanghai(2026, 9, 29, 10, 0));
        sla.start(caseNumber, "subsistence-allowance", "371402001", null, "clerk1");
        ClockUtil.setCurrentTime(shanghai(2026, 10, 9, 10, 0));
        Map<String, Object> local = new HashMap<>();
        DelegateTask task = mock(DelegateTask.class);
        DelegateExecution execution = execution(caseNumber);
        when(task.getExecution()).thenReturn(execution);
        doAnswer(call -> local.put(call.getArgument(0), call.getArgument(1))).when(task).setVariableLocal(anyString(), any());

        context.getBean("showCaseSummary", TaskListener.class).notify(task);

        String summary = (String) local.get("caseSummary");
        assertThat(summary).contains(caseNumber, "371402001", "张三", "3人", "333.33元", "剩余11个工作日");
        for (ResidentIdNumber id : lastIds) {
            assertThat(summary).contains(id.masked());
            assertThat(summary).doesNotContain(id.value());
        }
        assertThat(summary).doesNotContainPattern("\\d{17}[\\dX]");
        assertThat(variables).doesNotContainKey("caseSummary");
    }

    @Test
    void theExtensionApproverIsTheUserOrTheAssigneeAndNeverNobody() {
        TaskListener listener = context.getBean("recordExtensionApprover", TaskListener.class);
        Map<String, Object> set = new HashMap<>();
        DelegateTask task = mock(DelegateTask.class);
        when(task.getProcessEngineServices()).thenReturn(engine);
        when(task.getTaskDefinitionKey()).thenReturn("Task_ApproveExtension");
        doAnswer(call -> set.put(call.getArgument(0), call.getArgument(1))).when(task).setVariable(anyString(), any());

        assertThatThrownBy(() -> listener.notify(task)).hasMessageContaining("signed-in user or its assignee");

        when(task.getAssignee()).thenReturn("county2");
        listener.notify(task);
        assertThat(set).containsEntry("slaExtensionApprovedBy", "county2");

        engine.getIdentityService().setAuthenticatedUserId("county1");
        listener.notify(task);
        assertThat(set).containsEntry("slaExtensionApprovedBy", "county1");
    }

    @Test
    void theHomeVisitNeedsTwoDifferentStaffWhoBothSign() {
        TaskListener listener = context.getBean("requireTwoVisitors", TaskListener.class);
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable("visitOfficer1")).thenReturn("李新湖");
        when(task.getVariable("visitOfficer2")).thenReturn(" 李新湖 ");
        assertThatThrownBy(() -> listener.notify(task)).hasMessageContaining("two different members of staff");
        when(task.getVariable("visitOfficer2")).thenReturn(null);
        assertThatThrownBy(() -> listener.notify(task)).hasMessageContaining("入户调查须由两名不同的工作人员");
        when(task.getVariable("visitOfficer2")).thenReturn("王协理");
        listener.notify(task);
    }
}
