package jiuzhu.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jiuzhu.system.Actors;

/**
 * The SLA clock's service-task delegates, one bean per job, bound by name in the models
 * ({@code camunda:delegateExpression="${startSlaClock}"}). Each reads the case number (business key) and its
 * variables and calls {@link SlaClock}. Variables read: {@code unitCode} (start), {@code slaSuspensionReason}
 * (suspend), {@code slaExtensionDays}, {@code slaExtensionReason}, {@code slaExtensionApprovedBy} (extend).
 */
@Configuration(proxyBeanMethods = false)
class SlaDelegates {

    /** Mirrors the clock's state on the case's process instance, for the Tasklist queues 即将超期 and 已超期. */
    static final String SLA_STATE = "slaState";

    @Bean
    JavaDelegate startSlaClock(SlaClock clock) {
        return e -> {
            clock.start(e.getProcessBusinessKey(), processKey(e), (String) e.getVariable("unitCode"), e.getProcessInstanceId(), actor(e));
            e.getProcessInstance().setVariable(SLA_STATE, SlaClock.State.RUNNING.name());
        };
    }

    @Bean
    JavaDelegate recordSlaWarning(SlaClock clock) {
        return e -> {
            clock.markWarned(e.getProcessBusinessKey(), actor(e));
            e.getProcessInstance().setVariable(SLA_STATE, SlaClock.State.WARNED.name());
        };
    }

    @Bean
    JavaDelegate recordSlaBreach(SlaClock clock) {
        return e -> {
            clock.markBreached(e.getProcessBusinessKey(), actor(e));
            e.getProcessInstance().setVariable(SLA_STATE, SlaClock.State.BREACHED.name());
        };
    }

    @Bean
    JavaDelegate suspendSlaClock(SlaClock clock) {
        return e -> {
            clock.suspend(e.getProcessBusinessKey(), (String) e.getVariable("slaSuspensionReason"), actor(e));
            e.getProcessInstance().setVariable(SLA_STATE, SlaClock.State.SUSPENDED.name());
        };
    }

    @Bean
    JavaDelegate resumeSlaClock(SlaClock clock) {
        return e -> {
            clock.resume(e.getProcessBusinessKey(), actor(e));
            clock.view(e.getProcessBusinessKey()).ifPresent(v -> e.getProcessInstance().setVariable(SLA_STATE, v.state().name()));
        };
    }

    @Bean
    JavaDelegate extendSlaClock(SlaClock clock) {
        return e -> clock.extend(e.getProcessBusinessKey(), ((Number) e.getVariable("slaExtensionDays")).intValue(),
                (String) e.getVariable("slaExtensionReason"), (String) e.getVariable("slaExtensionApprovedBy"));
    }

    @Bean
    JavaDelegate stopSlaClock(SlaClock clock) {
        return e -> {
            clock.stop(e.getProcessBusinessKey(), "作出决定 / decided at " + e.getCurrentActivityName(), actor(e));
            e.getProcessInstance().setVariable(SLA_STATE, SlaClock.State.STOPPED.name());
        };
    }

    static String processKey(DelegateExecution e) {
        return e.getProcessEngineServices().getRepositoryService().getProcessDefinition(e.getProcessDefinitionId()).getKey();
    }

    static String actor(DelegateExecution e) {
        return Actors.userOrSystem(e.getProcessEngineServices());
    }
}
