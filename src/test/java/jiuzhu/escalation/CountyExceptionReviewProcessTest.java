package jiuzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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
 * processes/county-exception-review.bpmn on an engine-only test engine, with the real delegates and task listener
 * and a stand-in only for the reminder date (the calendar module's bean). A small caller process checks the
 * call-activity contract of processes/README.md: business key, six inputs, four outputs. The forms are deployed
 * alongside, as in the application, so that each task's form reference is seen to resolve.
 */
@Deployment(resources = {"processes/county-exception-review.bpmn", "test-processes/county-review-caller.bpmn",
        "forms/county-home-visit.form", "forms/county-exception-review.form"})
class CountyExceptionReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Date START = at(2026, 10, 12, 9, 0);
    static final Date REMINDER = at(2026, 10, 14, 9, 0);
    static final Date DECIDED = at(2026, 10, 13, 15, 30);
    static final String CASE = "DB-2026-000042";
    static final String COUNTY = "c371402";
    static final String OTHER_COUNTY = "c371403";

    static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant());
    }

    /** The calendar module's reminder bean, answering a date the test controls and noting whom it was asked for. */
    public static class ReviewDeadlines {
        final List<Object> askedFor = new ArrayList<>();

        public Date reminder(DelegateExecution execution) {
            askedFor.add(execution.getVariable(CountyReview.CASE_NUMBER));
            return REMINDER;
        }
    }

    final ReviewDeadlines deadlines = new ReviewDeadlines();

    @BeforeEach
    void wire() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(START);
        Mocks.register("recordCountyDecider", new RecordCountyDecider());
        Mocks.register("recordCountyDecision", new RecordCountyDecision());
        Mocks.register("remindCountyReviewer", new RemindCountyReviewer());
        Mocks.register("countyReviewDeadlines", deadlines);
    }

    @AfterEach
    void reset() {
        engine.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
    }

    static Map<String, Object> contract(boolean visitRequired) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CountyReview.CASE_NUMBER, CASE);
        variables.put(CountyReview.ASSISTANCE_TYPE, "subsistence-allowance");
        variables.put(CountyReview.COUNTY_GROUP, COUNTY);
        variables.put(CountyReview.ESCALATION_REASON_CODE, visitRequired ? "NEAR_RELATIVE" : "COMPLAINT");
        variables.put(CountyReview.ESCALATION_REASON, visitRequired ? "近亲属备案：由县级入户核查并审批" : "有投诉举报：报县级审批");
        variables.put(CountyReview.COUNTY_VISIT_REQUIRED, visitRequired);
        return variables;
    }

    ProcessInstance start(boolean visitRequired) {
        return runtimeService().startProcessInstanceByKey(CountyReview.PROCESS_KEY, CASE, contract(visitRequired));
    }

    void completeAs(String userId, Task task, Map<String, Object> variables) {
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId(userId);
        try {
            complete(task, variables);
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    static void assertOnlyTheCountyMayWorkOn(Task task) {
        assertThat(task).hasCandidateGroup(COUNTY);
        assertThat(taskQuery().taskCandidateGroup(OTHER_COUNTY).count()).isZero();
        assertThat(taskQuery().taskId(task.getId()).taskCandidateGroup(COUNTY).count()).isOne();
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

    @Test
    void aNearRelativeCaseIsVisitedByTheCountyThenApproved() {
        ProcessInstance instance = start(true);

        assertThat(instance).isWaitingAt("Task_CountyHomeVisit");
        Task visit = task(instance);
        assertThat(visit).hasName("县级入户核查");
        assertThat(formOf(visit)).isEqualTo("deployment:county-home-visit");
        assertOnlyTheCountyMayWorkOn(visit);
        complete(visit, withVariables("visitDate", "2026-10-12", "visitOfficer1", "县干部甲", "visitOfficer2", "县干部乙",
                "visitFindings", "家庭收入与申报一致"));

        assertThat(instance).isWaitingAt("Task_CountyReview");
        Task review = task(instance);
        assertThat(review).hasName("县级审核");
        assertThat(formOf(review)).isEqualTo("deployment:county-exception-review");
        assertOnlyTheCountyMayWorkOn(review);
        assertThat(taskService().getVariables(review.getId())).containsEntry("caseNumber", CASE)
                .containsEntry("assistanceType", "subsistence-allowance")
                .containsEntry("escalationReason", "近亲属备案：由县级入户核查并审批");

        completeAs("county1", review, withVariables(CountyReview.DECISION, "APPROVED"));
        assertThat(instance).isWaitingAt("Task_RecordCountyDecision");
        ClockUtil.setCurrentTime(DECIDED);
        execute(job(instance));

        assertThat(instance).isEnded().hasPassedInOrder("Gateway_CountyVisitRequired", "Task_CountyHomeVisit",
                "Gateway_ReadyForReview", "Task_CountyReview", "Task_RecordCountyDecision", "End_CountyDecided");
        assertThat(instance).variables().containsEntry(CountyReview.DECISION, "APPROVED")
                .containsEntry(CountyReview.DECIDED_BY, "county1")
                .containsEntry(CountyReview.DECIDED_AT, DECIDED)
                .doesNotContainKey(CountyReview.DECISION_REASONS);
    }

    @Test
    void aCaseWithoutVisitIsRefusedWithReasonsByTheAssignee() {
        ProcessInstance instance = start(false);

        assertThat(instance).isWaitingAt("Task_CountyReview").hasNotPassed("Task_CountyHomeVisit");
        Task review = task(instance);
        assertOnlyTheCountyMayWorkOn(review);
        // Completed without a signed-in user (e.g. by an embedded client): the assignee is the decider.
        claim(review, "county1");
        complete(review, withVariables(CountyReview.DECISION, "REFUSED",
                CountyReview.DECISION_REASONS, "家庭人均收入高于当地低保标准"));
        ClockUtil.setCurrentTime(DECIDED);
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Task_CountyReview", "End_CountyDecided")
                .hasNotPassed("Task_CountyHomeVisit");
        assertThat(instance).variables().containsEntry(CountyReview.DECISION, "REFUSED")
                .containsEntry(CountyReview.DECISION_REASONS, "家庭人均收入高于当地低保标准")
                .containsEntry(CountyReview.DECIDED_BY, "county1")
                .containsEntry(CountyReview.DECIDED_AT, DECIDED);
    }

    @Test
    void aCaseReturnedToTheTownshipComesBackToTheCallerWithTheContractVariables() {
        ProcessInstance caller = runtimeService().startProcessInstanceByKey("county-review-caller", CASE, contract(false));
        ProcessInstance county = calledProcessInstance(CountyReview.PROCESS_KEY, caller);
        assertThat(county).isWaitingAt("Task_CountyReview");
        assertThat(county.getBusinessKey()).isEqualTo(CASE);
        Task review = task(county);
        assertOnlyTheCountyMayWorkOn(review);

        // Claimed by one officer, submitted by another who is signed in, with a forged decider in the submission:
        // the signed-in officer is recorded.
        claim(review, "county2");
        completeAs("county1", review, withVariables(CountyReview.DECISION, "RETURNED",
                CountyReview.DECISION_REASONS, "请乡镇补充邻里访问记录", CountyReview.DECIDED_BY, "someone-else"));
        ClockUtil.setCurrentTime(DECIDED);
        execute(job(county));

        assertThat(county).isEnded().hasPassed("End_CountyDecided");
        assertThat(caller).isEnded().hasPassed("Task_CountyExceptionReview", "End_CountyAnswered");
        assertThat(caller).variables().containsEntry(CountyReview.DECISION, "RETURNED")
                .containsEntry(CountyReview.DECISION_REASONS, "请乡镇补充邻里访问记录")
                .containsEntry(CountyReview.DECIDED_BY, "county1")
                .containsEntry(CountyReview.DECIDED_AT, DECIDED);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(caller.getId())
                .variableName(CountyReview.DECIDED_AT).singleResult().getTypeName()).isEqualTo("date");
    }

    @Test
    void theReminderFiresAtItsInstantNotAMinuteBeforeAndTheReviewStaysOpen() {
        ProcessInstance instance = start(false);
        Task review = task(instance);
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(REMINDER);
        assertThat(deadlines.askedFor).containsExactly(CASE);

        ClockUtil.setCurrentTime(new Date(REMINDER.getTime() - 60_000));
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(REMINDER);
        assertThat(managementService().createJobQuery().executable().singleResult().getId()).isEqualTo(timer.getId());
        execute(timer);
        execute(job(instance));

        assertThat(instance).hasPassed("Timer_CountyReviewReminder", "Task_RemindCountyReviewer", "End_ReminderSent")
                .isWaitingAt("Task_CountyReview");
        assertThat(task(instance).getId()).isEqualTo(review.getId());
        assertThat(instance).variables().containsEntry(CountyReview.REMINDER_SENT_AT, REMINDER);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("the reminder fires once").isZero();

        completeAs("county1", review, withVariables(CountyReview.DECISION, "APPROVED"));
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("End_CountyDecided");
    }

    @Test
    void aRefusalWithoutReasonsBecomesAnIncidentThatAnOperatorCanResolve() {
        ProcessInstance instance = start(false);
        completeAs("county1", task(instance), withVariables(CountyReview.DECISION, "REFUSED"));
        Job record = job(instance);

        for (int attempt = 3; attempt > 0; attempt--) {
            assertThatThrownBy(() -> managementService().executeJob(record.getId()))
                    .hasMessageContaining("须写明理由").hasMessageContaining("needs reasons");
        }

        Job failed = managementService().createJobQuery().jobId(record.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage()).contains("REFUSED", CASE);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_RecordCountyDecision");
        assertThat(incident.getIncidentMessage()).contains("须写明理由");
        assertThat(instance).isWaitingAt("Task_RecordCountyDecision").variables().doesNotContainKey(CountyReview.DECIDED_AT);

        // The operator's way out in Cockpit: add the missing reasons, retry.
        runtimeService().setVariable(instance.getId(), CountyReview.DECISION_REASONS, "不符合低保条件");
        managementService().setJobRetries(record.getId(), 1);
        execute(managementService().createJobQuery().jobId(record.getId()).singleResult());
        assertThat(instance).isEnded().hasPassed("End_CountyDecided");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aReviewCompletedByNobodyKnownIsNotAccepted() {
        ProcessInstance instance = start(false);
        Task review = task(instance);

        assertThatThrownBy(() -> taskService().complete(review.getId(), withVariables(CountyReview.DECISION, "APPROVED")))
                .hasMessageContaining("signed-in user or by its assignee");

        assertThat(instance).isWaitingAt("Task_CountyReview");
        assertThat(task(instance).getId()).isEqualTo(review.getId());
    }

    @Test
    void aCallerThatLeavesOutCountyVisitRequiredCannotStart() {
        Map<String, Object> variables = contract(false);
        variables.remove(CountyReview.COUNTY_VISIT_REQUIRED);

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CountyReview.PROCESS_KEY, CASE, variables))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("countyVisitRequired");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE).count()).isZero();
    }
}
