package jiuzhu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA clock in a running engine: the timers built from {@code ${sla.warning(execution)}} and
 * {@code ${sla.deadline(execution)}} are due exactly at the calendar's instants and fire there and not a minute
 * before; suspension, extension and a newly loaded year move the timer jobs; every change is in the ledger.
 * Real services on the engine's own H2 database (Jiuzhu's tables migrated by Flyway), time moved by ClockUtil.
 */
@Deployment(resources = "test-processes/sla-clock.bpmn")
class SlaClockProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CASE = "DB-2026-000042";

    JdbcTemplate jdbc;
    SlaClock clock;
    StatutoryCalendar calendar;
    ManagementService management;

    static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant());
    }

    @BeforeEach
    void wire() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        management = processEngine.getManagementService();
        var dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
        Flyway.configure().dataSource(dataSource).table("jz_schema_history").baselineOnMigrate(true)
                .baselineVersion("0").locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("delete from jz_sla_ledger");
        jdbc.update("delete from jz_sla_clock");
        jdbc.update("delete from jz_calendar_year");
        CalendarProperties properties = new CalendarProperties(null, Map.of("sla-clock-test", 13), 3);
        Clock engineClock = new Clock() {
            public ZoneId getZone() { return SHANGHAI; }
            public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
            public Instant instant() { return ClockUtil.getCurrentTime().toInstant(); }
        };
        SlaClock[] holder = new SlaClock[1];
        ApplicationEventPublisher events = event -> {
            if (event instanceof StatutoryCalendar.CalendarYearsAdded added) {
                holder[0].onCalendarYearsAdded(added);
            }
        };
        calendar = new StatutoryCalendar(jdbc, properties, events);
        clock = new SlaClock(jdbc, calendar, properties, new SlaTimers(management), engineClock, events);
        holder[0] = clock;
        SlaDelegates delegates = new SlaDelegates();
        Mocks.register("sla", new SlaExpressions(clock));
        Mocks.register("startSlaClock", delegates.startSlaClock(clock));
        Mocks.register("recordSlaWarning", delegates.recordSlaWarning(clock));
        Mocks.register("recordSlaBreach", delegates.recordSlaBreach(clock));
        Mocks.register("stopSlaClock", delegates.stopSlaClock(clock));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance acceptOn(Date when) {
        ClockUtil.setCurrentTime(when);
        return engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("sla-clock-test", CASE,
                Map.of("unitCode", "371402001", "unitGroup", "t371402001"));
    }

    Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    boolean due(Job job) {
        return management.createJobQuery().jobId(job.getId()).executable().count() == 1;
    }

    @Test
    void theBreachTimerFiresAtTheEndOfTheThirteenthWorkingDayAndNotAMinuteBefore() {
        ProcessInstance instance = acceptOn(at(2026, 9, 29, 10, 0));
        assertThat(instance).isWaitingAt("Task_Decide");
        Job breach = timer(instance, SlaTimers.BREACH);
        // Accepted Tue 2026-09-29: Oct 1-7 off, Sat Oct 10 worked, so the 13th working day is Thu Oct 22.
        assertThat(breach.getDuedate()).isEqualTo(at(2026, 10, 23, 0, 0));

        ClockUtil.setCurrentTime(at(2026, 10, 22, 23, 59));
        assertThat(due(breach)).as("one minute before the deadline").isFalse();
        ClockUtil.setCurrentTime(at(2026, 10, 23, 0, 0));
        assertThat(due(breach)).isTrue();
        management.executeJob(breach.getId());

        assertThat(instance).hasPassed("Task_RecordBreach", "End_Breached").isWaitingAt("Task_Decide");
        SlaClock.View view = clock.view(CASE).orElseThrow();
        assertThat(view.state()).isEqualTo(SlaClock.State.BREACHED);
        assertThat(view.ledger()).extracting(SlaClock.LedgerEntry::action).containsExactly("START", "BREACH");
    }

    @Test
    void theWarningFiresWhenThreeWorkingDaysRemain() {
        ProcessInstance instance = acceptOn(at(2026, 9, 29, 10, 0));
        assertThat(instance).isWaitingAt("Task_Decide");
        Job warning = timer(instance, SlaTimers.WARNING);
        // Sep 30, Oct 8, 9, Sat 10, 12..16, 19 are working days 1-10: at the end of Mon Oct 19, Oct 20-22 remain.
        assertThat(warning.getDuedate()).isEqualTo(at(2026, 10, 20, 0, 0));
        ClockUtil.setCurrentTime(at(2026, 10, 19, 23, 59));
        assertThat(due(warning)).isFalse();
        ClockUtil.setCurrentTime(at(2026, 10, 20, 0, 0));
        management.executeJob(warning.getId());

        assertThat(instance).hasPassed("Task_RecordWarning", "End_Warned").isWaitingAt("Task_Decide");
        SlaClock.View view = clock.view(CASE).orElseThrow();
        assertThat(view.state()).isEqualTo(SlaClock.State.WARNED);
        assertThat(view.remainingWorkingDays()).isEqualTo(3);
        assertThat(view.ledger()).extracting(SlaClock.LedgerEntry::action).containsExactly("START", "WARN");
    }

    @Test
    void decidingStopsTheClock() {
        ProcessInstance instance = acceptOn(at(2026, 9, 29, 10, 0));
        assertThat(instance).isWaitingAt("Task_Decide");
        ClockUtil.setCurrentTime(at(2026, 10, 9, 15, 0));
        complete(task());

        assertThat(instance).hasPassed("Task_StopClock").isEnded();
        SlaClock.View view = clock.view(CASE).orElseThrow();
        assertThat(view.state()).isEqualTo(SlaClock.State.STOPPED);
        // Sep 30, Oct 8 and the day of the decision, Oct 9, were used.
        assertThat(view.elapsedWorkingDays()).isEqualTo(3);
        assertThat(view.ledger()).extracting(SlaClock.LedgerEntry::action).containsExactly("START", "STOP");
    }

    @Test
    void suspensionHoldsTheTimersAndResumingMovesThemByTheSuspendedWorkingDays() {
        ProcessInstance instance = acceptOn(at(2026, 9, 29, 10, 0));
        assertThat(instance).isWaitingAt("Task_Decide");
        ClockUtil.setCurrentTime(at(2026, 10, 12, 9, 0));
        clock.suspend(CASE, "等待申请人补充材料 / waiting for the applicant", "clerk1");
        assertThat(timer(instance, SlaTimers.BREACH).isSuspended()).isTrue();
        assertThat(timer(instance, SlaTimers.WARNING).isSuspended()).isTrue();
        assertThat(clock.view(CASE).orElseThrow().state()).isEqualTo(SlaClock.State.SUSPENDED);

        ClockUtil.setCurrentTime(at(2026, 10, 15, 11, 0));
        clock.resume(CASE, "clerk1");

        // Oct 13, 14, 15 did not count: the deadline moves from Thu Oct 22 to Tue Oct 27.
        Job breach = timer(instance, SlaTimers.BREACH);
        assertThat(breach.isSuspended()).isFalse();
        assertThat(breach.getDuedate()).isEqualTo(at(2026, 10, 28, 0, 0));
        SlaClock.View view = clock.view(CASE).orElseThrow();
        assertThat(view.deadline()).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(view.suspendedWorkingDays()).isEqualTo(3);
        assertThat(view.state()).isEqualTo(SlaClock.State.RUNNING);
        assertThat(view.ledger()).extracting(SlaClock.LedgerEntry::action).containsExactly("START", "SUSPEND", "RESUME");
        assertThat(view.ledger().get(2).oldDeadline()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(view.ledger().get(2).newDeadline()).isEqualTo(LocalDate.of(2026, 10, 27));
    }

    @Test
    void anExtensionMovesTheDeadlineAndNeedsAReasonAndAnApprover() {
        ProcessInstance instance = acceptOn(at(2026, 9, 29, 10, 0));
        assertThat(instance).isWaitingAt("Task_Decide");
        assertThatThrownBy(() -> clock.extend(CASE, 5, " ", "county1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.extend(CASE, 0, "入户调查需要更多时间", "county1")).isInstanceOf(IllegalArgumentException.class);

        clock.extend(CASE, 5, "入户调查需要更多时间 / the home visit needs more time", "county1");

        assertThat(timer(instance, SlaTimers.BREACH).getDuedate()).isEqualTo(at(2026, 10, 30, 0, 0));
        SlaClock.View view = clock.view(CASE).orElseThrow();
        assertThat(view.deadline()).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(view.extensionWorkingDays()).isEqualTo(5);
        SlaClock.LedgerEntry extension = view.ledger().get(1);
        assertThat(extension.action()).isEqualTo("EXTEND");
        assertThat(extension.actor()).isEqualTo("county1");
        assertThat(extension.workingDays()).isEqualTo(5);
    }

    @Test
    void aDeadlineInAnUnknownYearIsProvisionalUntilTheYearIsLoadedThenTheTimerMoves() throws IOException {
        ProcessInstance instance = acceptOn(at(2026, 12, 15, 10, 0));
        assertThat(instance).isWaitingAt("Task_Decide");
        // Monday-Friday fallback: Dec 16..31 give 12 working days, Fri 2027-01-01 is the 13th.
        SlaClock.View before = clock.view(CASE).orElseThrow();
        assertThat(before.provisional()).isTrue();
        assertThat(before.deadline()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(timer(instance, SlaTimers.BREACH).getDuedate()).isEqualTo(at(2027, 1, 2, 0, 0));

        try (InputStream in = getClass().getResourceAsStream("/calendar-test/2027.yaml")) {
            calendar.store(2027, in.readAllBytes(), "admin");
        }

        // With Jan 1-3 off, the 13th working day is Mon 2027-01-04.
        SlaClock.View after = clock.view(CASE).orElseThrow();
        assertThat(after.provisional()).isFalse();
        assertThat(after.deadline()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(timer(instance, SlaTimers.BREACH).getDuedate()).isEqualTo(at(2027, 1, 5, 0, 0));
        List<SlaClock.LedgerEntry> ledger = after.ledger();
        assertThat(ledger).extracting(SlaClock.LedgerEntry::action).containsExactly("START", "RECALCULATE");
        assertThat(ledger.get(1).oldDeadline()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(ledger.get(1).newDeadline()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(ledger.get(1).actor()).isEqualTo("admin");
        assertThat(ledger.get(1).reason()).contains("2027");
    }

    @Test
    void theSuspendAndResumeStepsKeepTheInstancesSlaStateForTheQueues() throws Exception {
        ProcessInstance instance = acceptOn(at(2026, 9, 29, 10, 0));
        assertThat(runtimeOf(instance).get("slaState")).isEqualTo("RUNNING");
        SlaDelegates delegates = new SlaDelegates();
        DelegateExecution step = mock(DelegateExecution.class);
        DelegateExecution root = mock(DelegateExecution.class);
        Map<String, Object> set = new HashMap<>();
        when(step.getProcessBusinessKey()).thenReturn(CASE);
        when(step.getVariable("slaSuspensionReason")).thenReturn("等待申请人提供复查材料");
        when(step.getProcessEngineServices()).thenReturn(engine.getProcessEngine());
        when(step.getProcessInstance()).thenReturn(root);
        doAnswer(a -> set.put(a.getArgument(0), a.getArgument(1))).when(root)
                .setVariable(anyString(), any());

        ClockUtil.setCurrentTime(at(2026, 10, 12, 9, 0));
        delegates.suspendSlaClock(clock).execute(step);
        assertThat(set).containsEntry("slaState", "SUSPENDED");
        ClockUtil.setCurrentTime(at(2026, 10, 15, 9, 0));
        delegates.resumeSlaClock(clock).execute(step);
        assertThat(set).containsEntry("slaState", "RUNNING");
    }

    Map<String, Object> runtimeOf(ProcessInstance instance) {
        return engine.getProcessEngine().getRuntimeService().getVariables(instance.getId());
    }
}
