package jiuzhu.subsistence;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jiuzhu.system.Actors;

/**
 * The task listeners of {@code subsistence-allowance}: {@code ${showCaseSummary}} on create of every user task, and
 * the listeners that note who completed a task whose completion is an act of authority (the decision itself is
 * recorded later by a job that runs without a user).
 */
@Configuration(proxyBeanMethods = false)
class SubsistenceListeners {

    /** Task-local, so each task shows the state at its creation and the process scope holds no personal data. */
    @Bean
    TaskListener showCaseSummary(CaseSummaries summaries) {
        return task -> task.setVariableLocal(SubsistenceVariables.CASE_SUMMARY,
                summaries.summary(task.getExecution().getProcessBusinessKey()));
    }

    /** An extension needs an approver (SlaClock refuses one without); completion without a known user is refused. */
    @Bean
    TaskListener recordExtensionApprover() {
        return task -> task.setVariable(SubsistenceVariables.SLA_EXTENSION_APPROVED_BY, completedBy(task, "延期审批"));
    }

    /**
     * The home visit is made by two staff who both sign (Task_HomeVisit, complete): two names, not the same person.
     * The form cannot compare two fields, so the completion itself is refused, and Tasklist shows why.
     */
    @Bean
    TaskListener requireTwoVisitors() {
        return task -> {
            Object first = task.getVariable("visitOfficer1");
            Object second = task.getVariable("visitOfficer2");
            String a = first == null ? "" : first.toString().strip();
            String b = second == null ? "" : second.toString().strip();
            if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
                throw new IllegalArgumentException("入户调查须由两名不同的工作人员共同进行并签字 / the home visit needs two"
                        + " different members of staff who both sign (visitOfficer1, visitOfficer2)");
            }
        };
    }

    /** Task_TownshipDecision (complete): who decided, read by recordSubsistenceDecision. */
    @Bean
    TaskListener recordTownshipDecider() {
        return task -> task.setVariable(SubsistenceVariables.TOWNSHIP_DECIDED_BY, completedBy(task, "乡镇审批"));
    }

    /** The signed-in user first (who actually submitted), else the assignee; neither is an error. */
    static String completedBy(DelegateTask task, String what) {
        String who = Actors.userOrAssignee(task);
        if (who == null) {
            throw new IllegalStateException(what + "须由已登录用户或任务办理人完成 / " + task.getTaskDefinitionKey()
                    + " must be completed by a signed-in user or its assignee");
        }
        return who;
    }
}
