package jiuzhu.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one node at a time run start-up seeding against the shared database: the work runs in one transaction that
 * first locks a row, so a second node starting at the same moment waits, then finds the work done. Camunda's
 * identity and authorization calls join the same Spring transaction.
 */
@Component
public class StartupLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    StartupLock(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void runExclusively(Runnable work) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("select name from jz_startup_lock where name = 'seeding' for update", String.class);
            work.run();
        });
    }
}
