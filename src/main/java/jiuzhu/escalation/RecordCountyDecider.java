package jiuzhu.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import jiuzhu.system.Actors;

/**
 * Notes who completed the county review, on the task's complete event: only then is the officer known, since
 * the decision itself is recorded later by a job that runs without a user. The signed-in user comes first (the one
 * who actually submitted, even on a task claimed by a colleague); the assignee covers completions without a login.
 * Running after the submitted variables are set, it also overwrites any {@code countyDecidedBy} a caller sent along.
 */
@Component("recordCountyDecider")
class RecordCountyDecider implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String decider = Actors.userOrAssignee(task);
        if (decider == null) {
            throw new IllegalStateException("县级审核须由已登录用户或任务办理人完成 / "
                    + "the county review must be completed by a signed-in user or by its assignee");
        }
        task.setVariable(CountyReview.DECIDED_BY, decider);
    }
}
