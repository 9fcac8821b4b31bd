package jiuzhu.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pattern every process test of Jiuzhu follows: an engine-only test (no Spring), beans registered as
 * {@link Mocks} under the names the model binds, the clock moved with {@link ClockUtil} and jobs executed by the
 * test, one test per path, and the class failing unless its paths cover every flow node and sequence flow.
 */
@Deployment(resources = "test-processes/pattern-review.bpmn")
class PatternReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Date START = Date.from(LocalDateTime.of(2026, 9, 29, 10, 0).atZone(SHANGHAI).toInstant());
    static final Date DUE = Date.from(LocalDateTime.of(2026, 10, 23, 0, 0).atZone(SHANGHAI).toInstant());

    /** The due-date bean a real model would get from the calendar module; here a fixed answer the test controls. */
    public static class Deadlines {
        public Date reviewDue(DelegateExecution execution) {
            return DUE;
        }
    }

    final List<String> recorded = new ArrayList<>();
    final JavaDelegate recordDecision = execution -> recorded.add(execution.getProcessBusinessKey());

    @BeforeEach
    void wire() {
        // More than one engine lives in the test JVM: tell the assertions which one this test drives.
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(START);
        Mocks.register("deadlines", new Deadlines());
        Mocks.register("recordDecision", recordDecision);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        RuntimeService runtime = engine.getProcessEngine().getRuntimeService();
        return runtime.startProcessInstanceByKey("pattern-review", "DB-2026-000001", Map.of("townshipGroup", "t371402001"));
    }

    @Test
    void reviewedInTimeTheDecisionIsRecorded() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_Review");
        assertThat(task()).hasCandidateGroup("t371402001");
        assertThat(taskQuery().taskCandidateGroup("t371402002").count()).isZero();

        complete(task());
        assertThat(instance).isWaitingAt("Task_RecordDecision");
        execute(job());

        assertThat(instance).hasPassed("Task_RecordDecision").isEnded().hasPassed("End_Decided");
        assertThat(recorded).containsExactly("DB-2026-000001");
    }

    @Test
    void theTimerIsDueAtTheDeadlineAndFiresThere() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_Review");
        assertThat(job().getDuedate()).isEqualTo(DUE);

        ClockUtil.setCurrentTime(DUE);
        execute(job());

        assertThat(instance).hasPassed("Timer_ReviewOverdue", "End_Overdue").isEnded();
        assertThat(recorded).isEmpty();
    }
}
