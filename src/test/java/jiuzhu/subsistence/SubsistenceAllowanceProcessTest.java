package jiuzhu.subsistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/subsistence-allowance.bpmn (the dibao contract in processes/README.md) on an engine-only test engine.
 * Every bean the model names is a test double registered with {@link Mocks}: delegates set the contract's output
 * variables from what the test wants and note that they were called; the timer beans answer dates the test
 * controls. The county exception review is the real model with stand-ins for its beans (its own test covers it,
 * so it is left out of this class's coverage). Jobs are executed by the test after moving {@link ClockUtil}.
 */
@Deployment(resources = {"processes/subsistence-allowance.bpmn", "processes/county-exception-review.bpmn",
        "forms/check-completeness.form", "forms/receive-materials.form", "forms/review-discrepancy.form",
        "forms/await-recheck-materials.form", "forms/home-visit.form", "forms/handle-objection.form",
        "forms/democratic-deliberation.form", "forms/township-decision.form", "forms/county-supervision.form",
        "forms/approve-extension.form", "forms/issue-refusal-notice.form", "forms/periodic-review.form",
        "forms/hear-beneficiary.form", "forms/review-decision.form",
        "forms/county-home-visit.form", "forms/county-exception-review.form", "forms/sla-warning-notice.form",
        "forms/subsistence-application.form"})
class SubsistenceAllowanceProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .excludeProcessDefinitionKeys("county-exception-review")
            .assertClassCoverageAtLeast(1.0).build();

    static final String PROCESS_KEY = "subsistence-allowance";
    static final String CASE = "DB-2026-000001";
    static final String TOWNSHIP = "t371402001";
    static final String OTHER_TOWNSHIP = "t371402002";
    static final String COUNTY = "c371402";
    static final String OTHER_COUNTY = "c371403";
    static final long DAY = 24L * 3600 * 1000;

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Date START = at(2026, 9, 29, 9, 0);
    static final Date MATERIALS_DUE = at(2026, 10, 16, 0, 0);
    static final Date SLA_WARNING = at(2026, 10, 20, 0, 0);
    static final Date SLA_DEADLINE = at(2026, 10, 23, 0, 0);
    static final Date REVIEW_DUE = at(2027, 4, 1, 0, 0);
    static final Date NEXT_REVIEW_DUE = at(2027, 10, 1, 0, 0);

    static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant());
    }

    /** intakeDeadlines: when the missing materials are due. */
    public static class IntakeDeadlines {
        public Date materialsDue(DelegateExecution execution) {
            return MATERIALS_DUE;
        }
    }

    /** sla: the calendar module's SLA dates. */
    public static class Sla {
        public Date warning(DelegateExecution execution) {
            return SLA_WARNING;
        }

        public Date deadline(DelegateExecution execution) {
            return SLA_DEADLINE;
        }
    }

    /** noticeDeadlines: three days after the decision (a stand-in for 3 working days). */
    public static class NoticeDeadlines {
        public Date refusalNoticeDue(DelegateExecution execution) {
            return new Date(ClockUtil.getCurrentTime().getTime() + 3 * DAY);
        }
    }

    /** countyReviewDeadlines of the county model: a reminder far enough away not to matter here. */
    public static class CountyReviewDeadlines {
        public Date reminder(DelegateExecution execution) {
            return new Date(SLA_DEADLINE.getTime() + 30 * DAY);
        }
    }

    /** Bean names in the order they were called. */
    final List<String> calls = new ArrayList<>();
    /** Variables the beans read, by "bean.variable". */
    final Map<String, Object> seen = new HashMap<>();
    /** What verifyHouseholdEconomy answers, one outcome per call. */
    final Deque<String> verification = new ArrayDeque<>();
    boolean eligible = true;
    boolean needsCounty = false;
    ProcessInstance instance;

    JavaDelegate bean(String name, Consumer<DelegateExecution> effect) {
        return execution -> {
            calls.add(name);
            effect.accept(execution);
        };
    }

    JavaDelegate bean(String name) {
        return bean(name, execution -> { });
    }

    void register(String name, Consumer<DelegateExecution> effect) {
        Mocks.register(name, bean(name, effect));
    }

    void register(String... names) {
        for (String name : names) {
            Mocks.register(name, bean(name));
        }
    }

    static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(START);
        Mocks.register("intakeDeadlines", new IntakeDeadlines());
        Mocks.register("sla", new Sla());
        Mocks.register("noticeDeadlines", new NoticeDeadlines());
        Mocks.register("countyReviewDeadlines", new CountyReviewDeadlines());
        Mocks.register("showCaseSummary", (TaskListener) task -> task.setVariableLocal("caseSummary",
                "案件 " + task.getExecution().getProcessBusinessKey() + "：申请人 张*（3714**********123X），家庭3人"));
        Mocks.register("recordTownshipDecider", (TaskListener) task -> calls.add("recordTownshipDecider"));
        Mocks.register("requireTwoVisitors", (TaskListener) task -> calls.add("requireTwoVisitors"));
        Mocks.register("recordExtensionApprover", (TaskListener) task -> {
            calls.add("recordExtensionApprover");
            Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            task.getExecution().setVariable("slaExtensionApprovedBy", authentication.getUserId());
        });
        register("startSlaClock", "resumeSlaClock", "stopSlaClock", "recordSlaWarning", "recordSlaBreach",
                "issueLapseNotice", "issueRefusalNotice", "recordNoticeOverdue");
        register("registerApplication", e -> {
            e.setProcessBusinessKey(CASE);
            e.setVariable("townshipGroup", TOWNSHIP);
            e.setVariable("countyGroup", COUNTY);
            e.removeVariable("piiMember1IdNumber");
        });
        register("issueMissingMaterialsNotice", e -> seen.put("issueMissingMaterialsNotice.missingMaterials", e.getVariable("missingMaterials")));
        register("issueIntakeRefusal", e -> seen.put("issueIntakeRefusal.intakeRefusalReason", e.getVariable("intakeRefusalReason")));
        register("suspendSlaClock", e -> seen.put("suspendSlaClock.slaSuspensionReason", e.getVariable("slaSuspensionReason")));
        register("extendSlaClock", e -> {
            seen.put("extendSlaClock.slaExtensionDays", e.getVariable("slaExtensionDays"));
            seen.put("extendSlaClock.slaExtensionReason", e.getVariable("slaExtensionReason"));
            seen.put("extendSlaClock.slaExtensionApprovedBy", e.getVariable("slaExtensionApprovedBy"));
        });
        register("verifyHouseholdEconomy", e -> e.setVariable("verificationOutcome", verification.remove()));
        register("assessEligibility", e -> {
            e.setVariable("eligible", eligible);
            e.setVariable("eligibilityReasonCode", eligible ? "BELOW_STANDARD" : "ABOVE_STANDARD");
            e.setVariable("eligibilityReason", eligible ? "家庭人均收入低于当地低保标准" : "家庭人均收入高于当地低保标准");
            e.setVariable("monthlyAmountFen", eligible ? 42_000L : 0L);
        });
        register("startPublicity", e -> e.setVariable("publicityEndsAt", new Date(ClockUtil.getCurrentTime().getTime() + 7 * DAY)));
        register("decideWhoDecides", e -> {
            e.setVariable("needsCounty", needsCounty);
            e.setVariable("escalationReasonCode", needsCounty ? "COMPLAINT" : null);
            e.setVariable("escalationReason", needsCounty ? "有投诉举报：报县级审批" : null);
        });
        register("recordSubsistenceDecision", e -> {
            String decision;
            String reasons;
            if (!(Boolean) e.getVariable("eligible")) {
                decision = "REFUSED";
                reasons = (String) e.getVariable("eligibilityReason");
            } else if ((Boolean) e.getVariable("needsCounty")) {
                decision = (String) e.getVariable("countyDecision");
                reasons = (String) e.getVariable("countyDecisionReasons");
            } else {
                decision = (String) e.getVariable("townshipDecision");
                reasons = (String) e.getVariable("townshipDecisionReasons");
            }
            e.setVariable("decision", decision);
            e.setVariable("decisionReasons", reasons);
        });
        register("grantAllowance", e -> {
            e.setVariable("reviewDue", REVIEW_DUE);
            e.setVariable("reviewIntervalMonths", 6L);
        });
        register("applyReviewDecision", e -> seen.put("applyReviewDecision.reviewDecision", e.getVariable("reviewDecision")));
        register("scheduleNextReview", e -> e.setVariable("reviewDue", NEXT_REVIEW_DUE));
        // The county model's beans, as stand-ins (the real ones are package-private to jiuzhu.escalation).
        Mocks.register("recordCountyDecider", (TaskListener) task -> task.setVariable("countyDecidedBy", "county1"));
        register("recordCountyDecision", e -> e.setVariable("countyDecidedAt", ClockUtil.getCurrentTime()));
        register("remindCountyReviewer");
    }

    @AfterEach
    void reset() {
        engine.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- driving the case

    ProcessInstance start(boolean nearRelative) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("assistanceType", PROCESS_KEY);
        variables.put("unitCode", "371402001");
        variables.put("townshipGroup", TOWNSHIP);
        variables.put("townshipHeadGroup", "h371402001");
        variables.put("countyGroup", COUNTY);
        variables.put("nearRelative", nearRelative);
        variables.put("objectionUpheld", false);
        variables.put("complaint", false);
        variables.put("caseByCase", false);
        variables.put("intakeChannel", "API");
        instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, CASE, variables);
        return instance;
    }

    ProcessInstance start() {
        return start(false);
    }

    /** The open task of the case (of the dibao instance or the county instance it called) at that activity. */
    static Task taskAt(String activityId) {
        return taskQuery().processInstanceBusinessKey(CASE).taskDefinitionKey(activityId).singleResult();
    }

    /** The task's form reference, checked to resolve to a deployed form of that id. */
    static String formOf(Task task) {
        CamundaFormRef form = taskQuery().taskId(task.getId()).initializeFormKeys().singleResult().getCamundaFormRef();
        try (InputStream deployed = formService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"" + form.getKey() + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return form.getBinding() + ":" + form.getKey();
    }

    /**
     * Completes the open task at that activity after checking who may work on it (that unit's group only), that its
     * form resolves, and that the case summary is there to show, as a task-local variable.
     */
    Task complete(String activityId, String group, String form, Map<String, Object> variables) {
        Task task = taskAt(activityId);
        assertThat(task).as(activityId).isNotNull();
        assertThat(task).hasCandidateGroup(group);
        String other = group.equals(COUNTY) ? OTHER_COUNTY : OTHER_TOWNSHIP;
        assertThat(taskQuery().taskId(task.getId()).taskCandidateGroup(other).count()).as(activityId + " not for " + other).isZero();
        assertThat(formOf(task)).isEqualTo("deployment:" + form);
        assertThat((String) taskService().getVariableLocal(task.getId(), "caseSummary")).contains(CASE);
        taskService().complete(task.getId(), variables);
        return task;
    }

    Task completeAs(String userId, String activityId, String group, String form, Map<String, Object> variables) {
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId(userId);
        try {
            return complete(activityId, group, form, variables);
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    /** The job of the case (of the dibao instance or the county instance it called) at that activity. */
    Job jobAt(String activityId) {
        return managementService().createJobQuery().rootProcessInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    /** Runs the asynchronous continuation or timer waiting at that activity, as the job executor would. */
    void run(String activityId) {
        Job job = jobAt(activityId);
        assertThat(job).as("job at " + activityId).isNotNull();
        managementService().executeJob(job.getId());
    }

    /** Moves the clock to the timer's due date and fires it. */
    void fire(String timerId, Date due) {
        Job timer = jobAt(timerId);
        assertThat(timer).as("timer " + timerId).isNotNull();
        assertThat(timer.getDuedate()).as(timerId + " due").isEqualTo(due);
        ClockUtil.setCurrentTime(due);
        managementService().executeJob(timer.getId());
    }

    void accept() {
        complete("Task_CheckCompleteness", TOWNSHIP, "check-completeness",
                withVariables("completeness", "ACCEPTED", "caseByCase", false));
    }

    void verify(String outcome) {
        verification.add(outcome);
        run("Task_VerifyHousehold");
    }

    void visitHome() {
        complete("Task_HomeVisit", TOWNSHIP, "home-visit", withVariables("visitDate", "2026-09-30",
                "visitOfficer1", "王工作员", "visitOfficer2", "李工作员", "visitFindings", "家中无其他收入来源",
                "memberCanWork", true, "irregularIncome", false));
    }

    void assess(boolean eligible) {
        this.eligible = eligible;
        run("Task_AssessEligibility");
    }

    /** Accepted, confirmed by the check, visited, eligible: the preliminary opinion is published. */
    void toPublicity() {
        start();
        accept();
        verify("CONFIRMED");
        visitHome();
        assess(true);
        assertThat(instance).isWaitingAt("Gateway_PublicityOutcome");
    }

    void publicityEnds() {
        fire("Timer_PublicityEnds", (Date) runtimeService().getVariable(instance.getId(), "publicityEndsAt"));
    }

    void townshipDecides(String decision, String reasons) {
        complete("Task_TownshipDecision", TOWNSHIP, "township-decision",
                withVariables("townshipDecision", decision, "townshipDecisionReasons", reasons));
        run("Task_RecordDecision");
    }

    void raiseObjection() {
        runtimeService().createMessageCorrelation("ObjectionRaised").processInstanceBusinessKey(CASE).correlate();
    }

    /** Needs the county: the call activity runs the county review, which the county decides. */
    ProcessInstance countyDecides(String decision, String reasons) {
        needsCounty = true;
        publicityEnds();
        assertThat(instance).isWaitingAt("CallActivity_CountyReview");
        ProcessInstance county = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        assertThat(county.getBusinessKey()).isEqualTo(CASE);
        assertThat(runtimeService().getVariables(county.getId())).containsEntry("caseNumber", CASE)
                .containsEntry("assistanceType", PROCESS_KEY).containsEntry("countyGroup", COUNTY)
                .containsEntry("escalationReasonCode", "COMPLAINT").containsEntry("countyVisitRequired", false);
        Task review = taskAt("Task_CountyReview");
        assertThat(review).hasCandidateGroup(COUNTY);
        assertThat(taskQuery().taskId(review.getId()).taskCandidateGroup(OTHER_COUNTY).count()).isZero();
        taskService().complete(review.getId(), withVariables("countyDecision", decision, "countyDecisionReasons", reasons));
        run("Task_RecordCountyDecision");
        assertThat(county).isEnded();
        return county;
    }

    /** Township approval, the allowance granted: the case waits for its first periodic review. */
    void toGranted() {
        toPublicity();
        publicityEnds();
        townshipDecides("APPROVED", null);
        run("Task_GrantAllowance");
        assertThat(instance).isWaitingAt("Timer_PeriodicReview");
    }

    void periodicReview(String outcome) {
        fire("Timer_PeriodicReview", (Date) runtimeService().getVariable(instance.getId(), "reviewDue"));
        complete("Task_PeriodicReview", TOWNSHIP, "periodic-review", withVariables("reviewOutcome", outcome,
                "reviewProposedAmountFen", "REDUCE".equals(outcome) ? 20_000L : null, "reviewFindings", "家庭成员已就业"));
    }

    void hearAndDecide(String decision) {
        complete("Task_HearBeneficiary", TOWNSHIP, "hear-beneficiary",
                withVariables("beneficiaryStatement", "收入不稳定，请求继续保障", "hearingDate", "2027-04-03"));
        complete("Task_ReviewDecision", TOWNSHIP, "review-decision", withVariables("reviewDecision", decision,
                "reviewDecisionReasons", "家庭人均收入已提高", "reviewNewAmountFen", "REDUCE".equals(decision) ? 20_000L : null));
        run("Task_ApplyReviewDecision");
    }

    // ---------------------------------------------------------------- intake

    @Test
    void anApplicationFromTheTasklistStartFormIsRegisteredBeforeTheTownshipSeesIt() {
        Map<String, Object> form = new HashMap<>();
        form.put("intakeChannel", "TASKLIST");
        form.put("piiMember1IdNumber", "371402198001010012");
        instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, form);

        assertThat(instance).hasPassed("Task_RegisterApplication").isWaitingAt("Task_CheckCompleteness");
        assertThat(calls).containsExactly("registerApplication");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE).count()).isEqualTo(1);
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKey("piiMember1IdNumber");
        assertThat(taskAt("Task_CheckCompleteness")).isNotNull();
    }

    @Test
    void anApplicationFiledThroughTheApiIsNotRegisteredTwice() {
        start();
        assertThat(instance).hasNotPassed("Task_RegisterApplication").isWaitingAt("Task_CheckCompleteness");
    }

    @Test
    void anIncompleteApplicationIsToldOnceWhatIsMissingAndAcceptedWhenTheMaterialsCome() {
        start();
        assertThat(instance).isWaitingAt("Task_CheckCompleteness");
        assertThat(taskAt("Task_CheckCompleteness").getName()).isEqualTo("受理审查");
        complete("Task_CheckCompleteness", TOWNSHIP, "check-completeness", withVariables("completeness", "INCOMPLETE",
                "missingMaterials", "户口簿复印件；近三个月收入证明", "caseByCase", false));
        assertThat(seen).containsEntry("issueMissingMaterialsNotice.missingMaterials", "户口簿复印件；近三个月收入证明");
        assertThat(runtimeService().getVariable(instance.getId(), "caseSummary"))
                .as("display only, task-local: the forms show it in a disabled field, which is never submitted").isNull();
        assertThat(jobAt("Timer_MaterialsLapse").getDuedate()).isEqualTo(MATERIALS_DUE);

        complete("Task_ReceiveMaterials", TOWNSHIP, "receive-materials", withVariables("materialsReceivedNote", "10月9日补齐"));
        assertThat(instance).isWaitingAt("Task_CheckCompleteness");
        assertThat(calls).doesNotContain("startSlaClock");
        accept();

        assertThat(instance).hasPassedInOrder("Task_IssueMissingMaterialsNotice", "Task_ReceiveMaterials",
                "Task_CheckCompleteness", "Task_StartClock", "Start_ProcedureBegins").isWaitingAt("Task_VerifyHousehold");
        assertThat(calls).containsExactly("issueMissingMaterialsNotice", "startSlaClock");
        assertThat(jobAt("Timer_SlaWarning").getDuedate()).isEqualTo(SLA_WARNING);
        assertThat(jobAt("Timer_SlaBreached").getDuedate()).isEqualTo(SLA_DEADLINE);
    }

    @Test
    void missingMaterialsThatNeverComeLetTheApplicationLapse() {
        start();
        complete("Task_CheckCompleteness", TOWNSHIP, "check-completeness",
                withVariables("completeness", "INCOMPLETE", "missingMaterials", "户口簿复印件", "caseByCase", false));

        fire("Timer_MaterialsLapse", MATERIALS_DUE);
        assertThat(taskAt("Task_ReceiveMaterials")).as("the lapse interrupts the wait").isNull();
        run("Task_IssueLapseNotice");

        assertThat(instance).isEnded().hasPassed("Timer_MaterialsLapse", "End_Lapsed").hasNotPassed("Task_StartClock");
        assertThat(calls).containsExactly("issueMissingMaterialsNotice", "issueLapseNotice");
    }

    @Test
    void anApplicationRefusedAtIntakeIsNotAccepted() {
        start();
        complete("Task_CheckCompleteness", TOWNSHIP, "check-completeness",
                withVariables("completeness", "REFUSED", "intakeRefusalReason", "非本乡镇户籍", "caseByCase", false));
        run("Task_IssueIntakeRefusal");

        assertThat(instance).isEnded().hasPassed("End_NotAccepted").hasNotPassed("Task_StartClock");
        assertThat(seen).containsEntry("issueIntakeRefusal.intakeRefusalReason", "非本乡镇户籍");
        assertThat(calls).containsExactly("issueIntakeRefusal");
    }

    // ---------------------------------------------------------------- verification

    @Test
    void aDiscrepancyWithoutRecheckGoesOnToTheHomeVisit() {
        start();
        accept();
        verify("DISCREPANCY");
        complete("Task_ReviewDiscrepancy", TOWNSHIP, "review-discrepancy", withVariables("recheckRequested", false));

        assertThat(instance).isWaitingAt("Task_HomeVisit").hasNotPassed("Task_SuspendClock");
        assertThat(calls).doesNotContain("suspendSlaClock", "resumeSlaClock");
    }

    @Test
    void aRecheckSuspendsTheClockUntilTheMaterialsComeThenVerifiesAgain() {
        start();
        accept();
        verify("DISCREPANCY");
        complete("Task_ReviewDiscrepancy", TOWNSHIP, "review-discrepancy", withVariables("recheckRequested", true));

        assertThat(instance).isWaitingAt("Task_AwaitRecheckMaterials");
        assertThat(calls).endsWith("suspendSlaClock");
        assertThat(seen).containsEntry("suspendSlaClock.slaSuspensionReason", "等待申请人提供复查材料");
        assertThat(runtimeService().getVariable(instance.getId(), "slaSuspensionReason")).as("local to the task").isNull();

        complete("Task_AwaitRecheckMaterials", TOWNSHIP, "await-recheck-materials", withVariables("recheckMaterialsNote", "银行流水"));
        assertThat(calls).endsWith("suspendSlaClock", "resumeSlaClock");
        verify("CONFIRMED");

        assertThat(instance).hasPassedInOrder("Task_SuspendClock", "Task_AwaitRecheckMaterials", "Task_ResumeClock",
                "Gateway_VerificationRound").isWaitingAt("Task_HomeVisit");
        assertThat(calls.stream().filter("verifyHouseholdEconomy"::equals)).hasSize(2);
    }

    // ---------------------------------------------------------------- eligibility, publicity, objections

    @Test
    void anIneligibleHouseholdIsRefusedWithoutPublicityAndToldInTime() {
        start();
        accept();
        verify("CONFIRMED");
        visitHome();
        assess(false);
        run("Task_RecordDecision");

        assertThat(instance).hasNotPassed("Task_StartPublicity", "Task_DecideWhoDecides").isWaitingAt("Task_IssueRefusalNotice");
        assertThat(runtimeService().getVariables(instance.getId())).containsEntry("decision", "REFUSED")
                .containsEntry("decisionReasons", "家庭人均收入高于当地低保标准");
        assertThat(calls).contains("stopSlaClock");
        assertThat(jobAt("Timer_SlaBreached")).as("the SLA timers end with the procedure").isNull();

        Date notified = new Date(ClockUtil.getCurrentTime().getTime() + DAY);
        ClockUtil.setCurrentTime(notified);
        complete("Task_IssueRefusalNotice", TOWNSHIP, "issue-refusal-notice",
                withVariables("refusalNoticeText", "经审核，您家庭人均收入高于当地低保标准，不予批准。"));
        assertThat(jobAt("Timer_RefusalNoticeDue")).as("the overdue timer ends with the task").isNull();
        run("Task_RecordRefusalNotice");

        assertThat(instance).isEnded().hasPassed("End_Refused").hasNotPassed("Task_RecordNoticeOverdue");
        assertThat(calls).contains("issueRefusalNotice").doesNotContain("recordNoticeOverdue", "grantAllowance");
    }

    @Test
    void anObjectionDuringPublicitySendsTheCaseBackToTheHomeVisit() {
        toPublicity();
        raiseObjection();
        assertThat(jobAt("Timer_PublicityEnds")).as("the event-based gateway drops the timer").isNull();
        complete("Task_HandleObjection", TOWNSHIP, "handle-objection", withVariables("objectionOutcome", "REINVESTIGATE",
                "objectionUpheld", true, "objectionNote", "邻居反映家中有经营收入"));

        assertThat(instance).hasPassed("Event_ObjectionRaised", "Task_HandleObjection").isWaitingAt("Task_HomeVisit");
        assertThat(runtimeService().getVariable(instance.getId(), "objectionUpheld")).isEqualTo(true);
        visitHome();
        assess(true);
        assertThat(instance).isWaitingAt("Gateway_PublicityOutcome");
        assertThat(calls.stream().filter("startPublicity"::equals)).hasSize(2);
    }

    @Test
    void aDeliberatedObjectionIsPublishedAgainAndThenDecided() {
        toPublicity();
        Date firstEnd = (Date) runtimeService().getVariable(instance.getId(), "publicityEndsAt");
        ClockUtil.setCurrentTime(new Date(START.getTime() + 2 * DAY));
        raiseObjection();
        complete("Task_HandleObjection", TOWNSHIP, "handle-objection", withVariables("objectionOutcome", "DELIBERATE",
                "objectionUpheld", false, "objectionNote", "异议人对收入情况有疑问"));
        complete("Task_DemocraticDeliberation", TOWNSHIP, "democratic-deliberation",
                withVariables("deliberationResult", "评议通过，符合条件"));

        assertThat(instance).hasPassedInOrder("Task_HandleObjection", "Task_DemocraticDeliberation", "Task_StartPublicity")
                .isWaitingAt("Gateway_PublicityOutcome");
        Date secondEnd = (Date) runtimeService().getVariable(instance.getId(), "publicityEndsAt");
        assertThat(secondEnd).isAfter(firstEnd);
        publicityEnds();
        assertThat(instance).isWaitingAt("Task_TownshipDecision");
        assertThat(calls.stream().filter("startPublicity"::equals)).hasSize(2);
    }

    // ---------------------------------------------------------------- who decides

    @Test
    void theTownshipApprovesAndTheAllowanceIsGranted() {
        toPublicity();
        publicityEnds();
        assertThat(instance).hasPassed("Timer_PublicityEnds", "Task_DecideWhoDecides").isWaitingAt("Task_TownshipDecision");
        townshipDecides("APPROVED", null);

        assertThat(instance).hasPassed("Task_RecordDecision", "End_ProcedureDone", "Task_StopClock").isWaitingAt("Task_GrantAllowance");
        assertThat(runtimeService().getVariable(instance.getId(), "decision")).isEqualTo("APPROVED");
        run("Task_GrantAllowance");

        assertThat(instance).isWaitingAt("Timer_PeriodicReview");
        assertThat(jobAt("Timer_PeriodicReview").getDuedate()).isEqualTo(REVIEW_DUE);
        assertThat(calls).containsSubsequence("startSlaClock", "verifyHouseholdEconomy", "assessEligibility", "startPublicity",
                "decideWhoDecides", "recordTownshipDecider", "recordSubsistenceDecision", "stopSlaClock", "grantAllowance");
        assertThat(calls).doesNotContain("recordSlaWarning", "recordSlaBreach");
    }

    @Test
    void theTownshipRefusesWithReasons() {
        toPublicity();
        publicityEnds();
        townshipDecides("REFUSED", "家庭拥有机动车辆");

        assertThat(instance).isWaitingAt("Task_IssueRefusalNotice").hasNotPassed("CallActivity_CountyReview");
        assertThat(runtimeService().getVariable(instance.getId(), "decisionReasons")).isEqualTo("家庭拥有机动车辆");
    }

    @Test
    void theCountyApprovesAnException() {
        toPublicity();
        countyDecides("APPROVED", null);
        run("Task_RecordDecision");

        assertThat(instance).hasPassed("CallActivity_CountyReview", "Gateway_CountyDecision").hasNotPassed("Task_TownshipDecision")
                .isWaitingAt("Task_GrantAllowance");
        assertThat(runtimeService().getVariables(instance.getId())).containsEntry("decision", "APPROVED")
                .containsEntry("countyDecidedBy", "county1").containsKey("countyDecidedAt");
    }

    @Test
    void theCountyRefusesAnException() {
        toPublicity();
        countyDecides("REFUSED", "存在隐瞒收入情况");
        run("Task_RecordDecision");

        assertThat(instance).isWaitingAt("Task_IssueRefusalNotice");
        assertThat(runtimeService().getVariables(instance.getId())).containsEntry("decision", "REFUSED")
                .containsEntry("decisionReasons", "存在隐瞒收入情况");
    }

    @Test
    void theCountyReturnsTheCaseForAnotherHomeVisit() {
        toPublicity();
        countyDecides("RETURNED", "请补充邻里访问记录");

        assertThat(instance).hasPassed("Gateway_CountyDecision").hasNotPassed("Task_RecordDecision").isWaitingAt("Task_HomeVisit");
        assertThat(calls).doesNotContain("recordSubsistenceDecision");
    }

    // ---------------------------------------------------------------- time limits

    @Test
    void threeWorkingDaysBeforeTheDeadlineTheTownshipIsWarnedAndWorkGoesOn() {
        start();
        accept();
        fire("Timer_SlaWarning", SLA_WARNING);

        assertThat(calls).endsWith("recordSlaWarning");
        assertThat(instance).isWaitingAt("Task_NotifyTownshipHead", "Task_VerifyHousehold");
        assertThat(taskQuery().taskCandidateGroup(TOWNSHIP).taskDefinitionKey("Task_NotifyTownshipHead").count())
                .as("the head is told, not the whole township").isZero();
        complete("Task_NotifyTownshipHead", "h371402001", "sla-warning-notice", withVariables("slaWarningAcknowledged", true));
        assertThat(instance).hasPassed("Task_RecordSlaWarning", "Task_NotifyTownshipHead", "End_SlaWarned")
                .isWaitingAt("Task_VerifyHousehold");
        assertThat(jobAt("Timer_SlaWarning")).as("warned once").isNull();
        assertThat(jobAt("Timer_SlaBreached")).isNotNull();
    }

    @Test
    void aBreachedDeadlineBringsTheCountyToSupervise() {
        toPublicity();
        fire("Timer_SlaBreached", SLA_DEADLINE);

        assertThat(calls).endsWith("recordSlaBreach");
        assertThat(instance).isWaitingAt("Task_CountySupervision", "Gateway_PublicityOutcome");
        complete("Task_CountySupervision", COUNTY, "county-supervision", withVariables("supervisionNote", "限两日内完成审批"));
        assertThat(instance).hasPassed("End_Supervised").isWaitingAt("Gateway_PublicityOutcome");
    }

    @Test
    void anExtensionApprovedByTheCountyExtendsTheClock() {
        start();
        accept();
        runtimeService().createMessageCorrelation("ExtensionRequested").processInstanceBusinessKey(CASE).correlate();
        completeAs("county1", "Task_ApproveExtension", COUNTY, "approve-extension", withVariables(
                "extensionApproved", true, "slaExtensionDays", 5L, "slaExtensionReason", "需补充跨省核对"));

        assertThat(instance).hasPassed("Task_ExtendClock", "End_ExtensionGranted").isWaitingAt("Task_VerifyHousehold");
        assertThat(seen).containsEntry("extendSlaClock.slaExtensionDays", 5L)
                .containsEntry("extendSlaClock.slaExtensionReason", "需补充跨省核对")
                .containsEntry("extendSlaClock.slaExtensionApprovedBy", "county1");
        assertThat(calls).endsWith("recordExtensionApprover", "extendSlaClock");
    }

    @Test
    void anExtensionRejectedByTheCountyLeavesTheClockAlone() {
        start();
        accept();
        runtimeService().createMessageCorrelation("ExtensionRequested").processInstanceBusinessKey(CASE).correlate();
        completeAs("county1", "Task_ApproveExtension", COUNTY, "approve-extension", withVariables(
                "extensionApproved", false, "slaExtensionReason", "理由不充分"));

        assertThat(instance).hasPassed("End_ExtensionRejected").hasNotPassed("Task_ExtendClock").isWaitingAt("Task_VerifyHousehold");
        assertThat(calls).doesNotContain("extendSlaClock");
    }

    @Test
    void aRefusalNoticeNotIssuedWithinThreeDaysIsRecordedAsOverdueAndStillDue() {
        toPublicity();
        publicityEnds();
        townshipDecides("REFUSED", "家庭拥有机动车辆");
        Date due = new Date(ClockUtil.getCurrentTime().getTime() + 3 * DAY);

        fire("Timer_RefusalNoticeDue", due);
        assertThat(instance).hasPassed("Task_RecordNoticeOverdue", "End_NoticeOverdueRecorded").isWaitingAt("Task_IssueRefusalNotice");
        assertThat(calls).endsWith("recordNoticeOverdue");

        complete("Task_IssueRefusalNotice", TOWNSHIP, "issue-refusal-notice", withVariables("refusalNoticeText", "不予批准。"));
        run("Task_RecordRefusalNotice");
        assertThat(instance).isEnded().hasPassed("End_Refused");
    }

    // ---------------------------------------------------------------- periodic review

    @Test
    void aReviewThatFindsNoChangeSchedulesTheNextOne() {
        toGranted();
        periodicReview("CONTINUE");

        assertThat(instance).hasNotPassed("Task_HearBeneficiary").isWaitingAt("Timer_PeriodicReview");
        assertThat(jobAt("Timer_PeriodicReview").getDuedate()).isEqualTo(NEXT_REVIEW_DUE);
        assertThat(calls).endsWith("scheduleNextReview");
    }

    @Test
    void aReductionIsDecidedOnlyAfterHearingTheBeneficiary() {
        toGranted();
        periodicReview("REDUCE");
        assertThat(instance).isWaitingAt("Task_HearBeneficiary");
        hearAndDecide("REDUCE");

        assertThat(instance).hasPassedInOrder("Task_PeriodicReview", "Task_HearBeneficiary", "Task_ReviewDecision",
                "Task_ApplyReviewDecision", "Task_ScheduleNextReview").isWaitingAt("Timer_PeriodicReview");
        assertThat(seen).containsEntry("applyReviewDecision.reviewDecision", "REDUCE");
        assertThat(runtimeService().getVariable(instance.getId(), "reviewNewAmountFen")).isEqualTo(20_000L);
    }

    @Test
    void aStoppedAllowanceEndsTheCaseAfterHearingTheBeneficiary() {
        toGranted();
        periodicReview("STOP");
        hearAndDecide("STOP");

        assertThat(instance).isEnded().hasPassedInOrder("Task_HearBeneficiary", "Task_ReviewDecision", "Task_ApplyReviewDecision",
                "End_AllowanceStopped").hasNotPassed("Task_ScheduleNextReview");
        assertThat(seen).containsEntry("applyReviewDecision.reviewDecision", "STOP");
    }
}
