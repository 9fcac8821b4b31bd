package jiuzhu.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager without its per-command scan of the whole grant table. Before every
 * authorization check the stock manager reads {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}, once per
 * command, to drop the user's groups that hold no grant at all from the check's {@code GROUP_ID_ in (…)} list. That
 * scan grows with every task (one grant each): at 1,000,000 open tasks it took 111 ms, several times for one Tasklist
 * page (deploy/benchmarks/README.md). Leaving such groups in the list changes no answer (a group without grants
 * matches no grant row); Jiuzhu's users belong to two or three groups, so the list stays short.
 */
final class AuthorizationWithoutGroupScan extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        groups.removeIf(g -> g == null);
        return groups;
    }

    /** Replaces the engine's factory of authorization managers (custom session factories win by session type). */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new AuthorizationWithoutGroupScan();
        }
    }
}
