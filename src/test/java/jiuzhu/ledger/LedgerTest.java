package jiuzhu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import jiuzhu.TestDatabase;

/** The ledger on Jiuzhu's real schema (H2, Flyway): payment start, no duplicate assistance, the record of changes. */
class LedgerTest {

    static final String DIBAO = "subsistence-allowance";
    static final Instant NOW = Instant.parse("2026-12-15T02:00:00Z");

    JdbcTemplate jdbc;
    Ledger ledger;
    Notices notices;
    long household;

    @BeforeEach
    void database() {
        jdbc = TestDatabase.migrated("ledger-" + UUID.randomUUID());
        ledger = new Ledger(jdbc, TestDatabase.clock(() -> NOW));
        notices = new Notices(jdbc, TestDatabase.clock(() -> NOW));
        household = TestDatabase.household(jdbc);
        TestDatabase.caseRow(jdbc, "DB-2026-000001", household);
        TestDatabase.caseRow(jdbc, "DB-2026-000002", household);
    }

    @ParameterizedTest(name = "decided {0} → paid from {1}")
    @CsvSource({"2026-12-15, 2027-01-01", "2026-12-31, 2027-01-01", "2026-01-31, 2026-02-01", "2026-02-01, 2026-03-01",
            "2028-02-29, 2028-03-01"})
    void paymentStartsTheMonthAfterTheDecision(LocalDate decided, LocalDate firstMonth) {
        assertThat(Ledger.firstMonthAfter(decided)).isEqualTo(firstMonth);
    }

    @Test
    void aGrantDecidedInDecemberIsPaidFromJanuaryAndReviewedAfterItsInterval() {
        Grant grant = ledger.grant("DB-2026-000001", household, DIBAO, 123_400, LocalDate.of(2026, 12, 15), 6, "clerk1");

        assertThat(grant.firstMonth()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(grant.nextReview()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grant.monthlyAmountFen()).isEqualTo(123_400);
        assertThat(ledger.findByCase("DB-2026-000001")).contains(grant);
    }

    @Test
    void aSecondRunningGrantOfTheSameTypeForTheSameHouseholdIsRefused() {
        ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");

        assertThatThrownBy(() -> ledger.grant("DB-2026-000002", household, DIBAO, 60_000, LocalDate.of(2026, 5, 7), 12,
                "clerk1")).isInstanceOf(DuplicateGrantException.class).hasMessageContaining("DB-2026-000001")
                .hasMessageContaining("duplicate assistance refused");
        assertThat(jdbc.queryForObject("select count(*) from jz_grant", Integer.class)).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesADuplicateEvenWhenTheCodeIsBypassed() {
        ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");

        assertThatThrownBy(() -> jdbc.update("insert into jz_grant (case_number, household_id, assistance_type,"
                + " monthly_amount_fen, first_month, status, active_marker, review_interval_months, created_at, created_by,"
                + " updated_at) values ('DB-2026-000002', ?, ?, 1, date '2026-06-01', 'ACTIVE', 1, 12, current_timestamp,"
                + " 'x', current_timestamp)", household, DIBAO)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update jz_grant set active_marker = null")).as("a running grant without"
                + " its marker would escape the index").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anotherTypeOrAStoppedGrantDoesNotBlock() {
        Grant first = ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");
        ledger.grant("DB-2026-000002", household, "extreme-hardship-support", 70_000, LocalDate.of(2026, 5, 6), 12, "c");
        ledger.stop(first.id(), "家庭收入已超过标准", "clerk1");

        Grant again = ledger.grant("DB-2026-000002", household, DIBAO, 40_000, LocalDate.of(2026, 9, 1), 12, "clerk1");

        assertThat(again.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(ledger.runningGrants(List.of(household), DIBAO)).containsExactly(again);
    }

    @Test
    void grantingTheSameCaseAgainReturnsTheGrantAlreadyEntered() {
        Grant first = ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");

        assertThat(ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1"))
                .isEqualTo(first);
    }

    @Test
    void aReductionIsRecordedWithItsReasonsAndActor() {
        Grant grant = ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");

        Grant reduced = ledger.reduce(grant.id(), 30_000, "成员就业，收入增加", "clerk2");

        assertThat(reduced.status()).isEqualTo(GrantStatus.REDUCED);
        assertThat(reduced.monthlyAmountFen()).isEqualTo(30_000);
        assertThat(ledger.changes(grant.id())).singleElement().satisfies(c -> {
            assertThat(c.oldAmountFen()).isEqualTo(50_000);
            assertThat(c.newAmountFen()).isEqualTo(30_000);
            assertThat(c.oldStatus()).isEqualTo(GrantStatus.ACTIVE);
            assertThat(c.newStatus()).isEqualTo(GrantStatus.REDUCED);
            assertThat(c.reasons()).isEqualTo("成员就业，收入增加");
            assertThat(c.actor()).isEqualTo("clerk2");
            assertThat(c.at()).isEqualTo(NOW);
        });
    }

    @Test
    void aReductionNeedsReasonsAndALowerPositiveAmount() {
        Grant grant = ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");

        assertThatThrownBy(() -> ledger.reduce(grant.id(), 30_000, " ", "clerk1")).hasMessageContaining("reasons");
        assertThatThrownBy(() -> ledger.reduce(grant.id(), 50_000, "理由", "clerk1")).hasMessageContaining("below");
        assertThatThrownBy(() -> ledger.reduce(grant.id(), 0, "理由", "clerk1")).hasMessageContaining("above 0");
        assertThat(ledger.changes(grant.id())).isEmpty();
    }

    @Test
    void aStoppedGrantCannotBeChangedAgain() {
        Grant grant = ledger.grant("DB-2026-000001", household, DIBAO, 50_000, LocalDate.of(2026, 5, 6), 12, "clerk1");
        Grant stopped = ledger.stop(grant.id(), "家庭迁出本县", "clerk1");

        assertThat(stopped.status()).isEqualTo(GrantStatus.STOPPED);
        assertThat(ledger.changes(grant.id())).singleElement().satisfies(c -> assertThat(c.newAmountFen()).isZero());
        assertThatThrownBy(() -> ledger.stop(grant.id(), "again", "clerk1")).hasMessageContaining("stopped");
        assertThatThrownBy(() -> ledger.scheduleReview(grant.id(), LocalDate.of(2027, 1, 1), 12))
                .hasMessageContaining("stopped");
    }

    @Test
    void invalidGrantsAreRefused() {
        assertThatThrownBy(() -> ledger.grant("DB-2026-000001", household, DIBAO, 0, LocalDate.of(2026, 5, 6), 12, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.grant("DB-2026-000001", household, DIBAO, 1, LocalDate.of(2026, 5, 6), 0, "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noticesAreKeptAsIssuedAndOverduesApart() {
        notices.issue("DB-2026-000001", NoticeKind.MISSING_MATERIALS, "请补齐：户口簿；收入证明", null, LocalDate.of(2027, 1, 5));
        notices.recordOverdue("DB-2026-000001", NoticeKind.REFUSAL, LocalDate.of(2026, 12, 18), "system");

        assertThat(notices.ofCase("DB-2026-000001")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.MISSING_MATERIALS);
            assertThat(n.issuedBy()).isEqualTo("system");
            assertThat(n.dueBy()).isEqualTo(LocalDate.of(2027, 1, 5));
        });
        assertThat(notices.overdueOfCase("DB-2026-000001")).singleElement()
                .satisfies(o -> assertThat(o.dueBy()).isEqualTo(LocalDate.of(2026, 12, 18)));
        assertThatThrownBy(() -> notices.issue("DB-2026-000001", NoticeKind.REFUSAL, " ", "c", null))
                .hasMessageContaining("no text");
        assertThatThrownBy(() -> notices.issue("DB-2026-000001", NoticeKind.REFUSAL, "字".repeat(4001), "c", null))
                .hasMessageContaining("longer than 4000");
    }
}
