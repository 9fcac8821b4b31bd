package jiuzhu.system;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who did a step, as the ledgers and decisions record it: the signed-in user, else the task's assignee or "system". */
public final class Actors {

    /** Timers and asynchronous continuations run without a signed-in user. */
    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String userOrSystem(ProcessEngineServices engine) {
        String user = signedIn(engine);
        return user == null ? SYSTEM : user;
    }

    /** The signed-in user who submitted (even on a task claimed by a colleague), else the assignee, else null. */
    public static String userOrAssignee(DelegateTask task) {
        String user = signedIn(task.getProcessEngineServices());
        String who = user != null ? user : task.getAssignee();
        return who == null || who.isBlank() ? null : who;
    }

    private static String signedIn(ProcessEngineServices engine) {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
