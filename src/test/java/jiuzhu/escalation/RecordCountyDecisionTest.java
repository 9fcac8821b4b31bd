package jiuzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which decisions {@link RecordCountyDecision} accepts, and what it says about the others. */
class RecordCountyDecisionTest {

    static final Date NOW = new Date(1_791_000_000_000L);

    final Map<String, Object> variables = new HashMap<>();
    final DelegateExecution execution = mock(DelegateExecution.class);
    final RecordCountyDecision record = new RecordCountyDecision();

    @BeforeEach
    void execution() {
        ClockUtil.setCurrentTime(NOW);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariable(anyString(), any());
        variables.put(CountyReview.CASE_NUMBER, "LS-2026-000007");
        variables.put(CountyReview.DECIDED_BY, "county1");
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} with reasons ''{1}''")
    @CsvSource(nullValues = "NULL", value = {
            "APPROVED, NULL",
            "APPROVED, ''",
            "APPROVED, 符合条件",
            "REFUSED, 家庭财产超过规定",
            "RETURNED, 请补充入户调查记录",
    })
    void aCompleteDecisionIsStampedWithTheClocksTime(String decision, String reasons) {
        variables.put(CountyReview.DECISION, decision);
        variables.put(CountyReview.DECISION_REASONS, reasons);

        record.execute(execution);

        assertThat(variables).containsEntry(CountyReview.DECIDED_AT, NOW).containsEntry(CountyReview.DECISION, decision);
    }

    @ParameterizedTest(name = "{0} with reasons ''{1}''")
    @CsvSource(nullValues = "NULL", value = {
            "REFUSED, NULL",
            "REFUSED, ''",
            "REFUSED, '  '",
            "RETURNED, NULL",
            "RETURNED, '\t'",
    })
    void aRefusalOrReturnWithoutReasonsIsRejected(String decision, String reasons) {
        variables.put(CountyReview.DECISION, decision);
        variables.put(CountyReview.DECISION_REASONS, reasons);

        assertThatThrownBy(() -> record.execute(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("须写明理由").hasMessageContaining("needs reasons").hasMessageContaining("LS-2026-000007");
        assertThat(variables).doesNotContainKey(CountyReview.DECIDED_AT);
    }

    @Test
    void reasonsThatAreNotTextAreNoReasons() {
        variables.put(CountyReview.DECISION, "REFUSED");
        variables.put(CountyReview.DECISION_REASONS, 42);

        assertThatThrownBy(() -> record.execute(execution)).hasMessageContaining("needs reasons");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "approved", "APPROVE", "REJECTED", "' APPROVED'"})
    void anUnknownDecisionIsRejected(String decision) {
        variables.put(CountyReview.DECISION, decision);

        assertThatThrownBy(() -> record.execute(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("未知的县级决定").hasMessageContaining("unknown county decision");
        assertThat(variables).doesNotContainKey(CountyReview.DECIDED_AT);
    }

    @Test
    void aDecisionWithoutDeciderIsRejected() {
        variables.put(CountyReview.DECISION, "APPROVED");
        variables.remove(CountyReview.DECIDED_BY);

        assertThatThrownBy(() -> record.execute(execution)).hasMessageContaining("no decider");
    }

    @Test
    void onlyApprovalNeedsNoReasons() {
        assertThat(CountyDecision.APPROVED.needsReasons()).isFalse();
        assertThat(CountyDecision.REFUSED.needsReasons()).isTrue();
        assertThat(CountyDecision.RETURNED.needsReasons()).isTrue();
        assertThat(CountyDecision.of(Boolean.TRUE)).isEmpty();
    }
}
