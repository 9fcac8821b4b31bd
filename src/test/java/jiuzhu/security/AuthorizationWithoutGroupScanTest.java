package jiuzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

/** The user's groups go into authorization checks as they are (no database needed to decide), once each. */
class AuthorizationWithoutGroupScanTest {

    @Test
    void keepsEachGroupOnceWithoutAskingTheDatabase() {
        // Outside a command: the stock manager would need a command context here for its scan of the grant table.
        AuthorizationManager manager = new AuthorizationWithoutGroupScan();
        assertThat(manager.filterAuthenticatedGroupIds(Arrays.asList("clerks", "t371402001", "clerks", null)))
                .containsExactly("clerks", "t371402001");
        assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
        assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    void replacesTheEnginesAuthorizationManager() {
        var factory = new AuthorizationWithoutGroupScan.Factory();
        assertThat(factory.getSessionType()).isEqualTo(AuthorizationManager.class);
        assertThat(factory.openSession()).isInstanceOf(AuthorizationWithoutGroupScan.class);
    }
}
