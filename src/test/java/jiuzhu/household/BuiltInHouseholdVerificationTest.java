package jiuzhu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import jiuzhu.TestDatabase;
import jiuzhu.household.HouseholdRecords.NewHousehold;
import jiuzhu.household.HouseholdRecords.NewMember;
import jiuzhu.household.HouseholdRecords.Relation;
import jiuzhu.household.HouseholdRecords.Residence;
import jiuzhu.ledger.Ledger;

/** The built-in rule (see {@link BuiltInHouseholdVerification}) on Jiuzhu's real schema. */
class BuiltInHouseholdVerificationTest {

    static final String DIBAO = "subsistence-allowance";
    // Valid check characters (ISO 7064 MOD 11-2).
    static final ResidentIdNumber ZHANG = ResidentIdNumber.parse("11010519491231002X");
    static final ResidentIdNumber LI = ResidentIdNumber.parse("110105194912310038");
    static final ResidentIdNumber WANG = ResidentIdNumber.parse("371402198001011234");

    JdbcTemplate jdbc;
    HouseholdRecords households;
    Ledger ledger;
    BuiltInHouseholdVerification verification;

    @BeforeEach
    void database() {
        jdbc = TestDatabase.migrated("verification-" + UUID.randomUUID());
        households = new HouseholdRecords(jdbc, new PersonalDataProtection("ZGVtby1rZXktZGVtby1rZXktZGVtby1rZXktMzJieXQ="));
        ledger = TestDatabase.construct(Ledger.class, jdbc, TestDatabase.clock(Instant::now));
        verification = new BuiltInHouseholdVerification(households, new MemberLookup(jdbc), ledger);
    }

    long household(NewMember... members) {
        return households.create(new NewHousehold("371402001001", Residence.URBAN, "德城区", false, List.of(members)));
    }

    static NewMember member(ResidentIdNumber id, Relation relation, long income, long assets) {
        return new NewMember("某某", id, relation, false, income, assets);
    }

    void granted(long householdId, String caseNumber, String type) {
        TestDatabase.caseRow(jdbc, caseNumber, householdId);
        ledger.grant(caseNumber, householdId, type, 30_000, LocalDate.of(2026, 3, 2), 12, "clerk1");
    }

    @Test
    void aPlainHouseholdIsConfirmed() {
        long id = household(member(ZHANG, Relation.APPLICANT, 20_000, 0), member(LI, Relation.SPOUSE, 0, 100_000));

        VerificationResult result = verification.verify(id, "DB-2026-000009", DIBAO);

        assertThat(result.outcome()).isEqualTo(VerificationResult.Outcome.CONFIRMED);
        assertThat(result.source()).isEqualTo("built-in");
    }

    @Test
    void aMemberAssistedInAnotherHouseholdWithTheSameTypeIsADiscrepancy() {
        long other = household(member(LI, Relation.APPLICANT, 0, 0));
        granted(other, "DB-2026-000001", DIBAO);
        long id = household(member(ZHANG, Relation.APPLICANT, 0, 0), member(LI, Relation.SPOUSE, 0, 0));

        VerificationResult result = verification.verify(id, "DB-2026-000009", DIBAO);

        assertThat(result.outcome()).isEqualTo(VerificationResult.Outcome.DISCREPANCY);
        assertThat(result.findings()).contains(LI.masked()).contains("DB-2026-000001").doesNotContain(LI.value());
    }

    @Test
    void anotherTypeOrAStoppedGrantIsNoDiscrepancy() {
        long relief = household(member(LI, Relation.APPLICANT, 0, 0));
        granted(relief, "LS-2026-000001", "temporary-relief");
        long stopped = household(member(LI, Relation.APPLICANT, 0, 0));
        granted(stopped, "DB-2026-000001", DIBAO);
        ledger.stop(ledger.findByCase("DB-2026-000001").orElseThrow().id(), "收入超标", "clerk1");
        long id = household(member(ZHANG, Relation.APPLICANT, 0, 0), member(LI, Relation.SPOUSE, 0, 0));

        assertThat(verification.verify(id, "DB-2026-000009", DIBAO).outcome())
                .isEqualTo(VerificationResult.Outcome.CONFIRMED);
    }

    @Test
    void negativeFiguresAndATwiceDeclaredPersonAreDiscrepanciesAllListedAtOnce() {
        long id = household(member(ZHANG, Relation.APPLICANT, -1, 0), member(WANG, Relation.PARENT, 0, -5),
                member(ZHANG, Relation.OTHER, 0, 0));

        VerificationResult result = verification.verify(id, "DB-2026-000009", DIBAO);

        assertThat(result.outcome()).isEqualTo(VerificationResult.Outcome.DISCREPANCY);
        assertThat(result.findings()).contains("月收入为负数", "金融资产为负数", "申报了两次");
    }

    @Test
    void aHouseholdWithoutMembersIsADiscrepancyAndAnUnknownOneAnError() {
        long id = household();
        assertThat(verification.verify(id, "DB-2026-000009", DIBAO).findings()).contains("没有成员");
        assertThatThrownBy(() -> verification.verify(9_999, "DB-2026-000009", DIBAO))
                .isInstanceOf(HouseholdVerificationException.class);
    }
}
