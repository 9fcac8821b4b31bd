package jiuzhu.subsistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jiuzhu.household.HouseholdRecords.Member;
import jiuzhu.household.HouseholdRecords.Relation;

/** The plain rules of the subsistence beans: per-capita figures, review intervals, which decision is recorded. */
class SubsistenceRulesTest {

    static Member member(long incomeFen, long assetsFen) {
        return new Member(1, 1, "某某", "3714**********1234", Relation.APPLICANT, null, null, incomeFen, assetsFen);
    }

    @Test
    void perCapitaFiguresAreRoundedDownInWholeFen() {
        HouseholdFigures figures = HouseholdFigures.of(List.of(member(100_000, 10), member(0, 0), member(0, 0)));

        assertThat(figures.householdSize()).isEqualTo(3);
        assertThat(figures.totalIncomeFen()).isEqualTo(100_000);
        assertThat(figures.perCapitaIncomeFen()).isEqualTo(33_333L); // 33,333.33… → 33,333
        assertThat(figures.perCapitaFinancialAssetsFen()).isEqualTo(3L); // 3.33 → 3
        assertThat(HouseholdFigures.of(List.of(member(2, 0), member(0, 0), member(0, 0))).perCapitaIncomeFen())
                .as("2/3 of a fen is no fen").isZero();
    }

    @Test
    void anEmptyHouseholdHasNoPerCapitaFigures() {
        HouseholdFigures figures = HouseholdFigures.of(List.of());
        assertThat(figures.householdSize()).isZero();
        assertThat(figures.perCapitaIncomeFen()).isNull();
        assertThat(figures.perCapitaFinancialAssetsFen()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "5, 0.05", "33333, 333.33", "91000, 910.00", "-150, -1.50"})
    void fenAreShownAsYuanWithTwoDecimals(long fen, String yuan) {
        assertThat(HouseholdFigures.yuan(fen)).isEqualTo(yuan);
    }

    @ParameterizedTest(name = "can work {0}, irregular income {1} → every {2} months")
    @CsvSource(nullValues = "NULL", value = {"true, false, 6", "false, true, 6", "true, true, 6", "false, false, 12",
            "NULL, NULL, 12", "NULL, true, 6"})
    void householdsThatCanChangeFastAreReviewedEverySixMonths(Boolean canWork, Boolean irregular, int months) {
        assertThat(ReviewIntervals.months(canWork, irregular, SubsistenceProperties.defaults())).isEqualTo(months);
    }

    @Test
    void anIneligibleApplicantIsRefusedWithTheEligibilityReason() {
        DecisionRule.Outcome outcome = DecisionRule.decide("DB-1", false, "家庭月人均收入不低于当地低保标准", false, null, null,
                "APPROVED", null);
        assertThat(outcome).isEqualTo(new DecisionRule.Outcome("REFUSED", "家庭月人均收入不低于当地低保标准", false));
    }

    @Test
    void theTownshipDecidesUnlessEscalated() {
        assertThat(DecisionRule.decide("DB-1", true, "符合低保条件", false, "REFUSED", "x", "APPROVED", " "))
                .isEqualTo(new DecisionRule.Outcome("APPROVED", "符合低保条件", false));
        assertThat(DecisionRule.decide("DB-1", true, "符合低保条件", null, null, null, "REFUSED", "隐瞒收入"))
                .isEqualTo(new DecisionRule.Outcome("REFUSED", "隐瞒收入", false));
    }

    @Test
    void theCountyDecidesEscalatedCases() {
        assertThat(DecisionRule.decide("DB-1", true, "符合", true, "REFUSED", "入户核查发现隐瞒收入", "APPROVED", null))
                .isEqualTo(new DecisionRule.Outcome("REFUSED", "入户核查发现隐瞒收入", true));
        assertThat(DecisionRule.decide("DB-1", true, "符合", true, "APPROVED", "同意", null, null))
                .isEqualTo(new DecisionRule.Outcome("APPROVED", "同意", true));
    }

    @Test
    void whatCannotBeRecordedThrows() {
        assertThatThrownBy(() -> DecisionRule.decide("DB-1", true, "符合", true, "RETURNED", "补充调查", null, null))
                .hasMessageContaining("RETURNED");
        assertThatThrownBy(() -> DecisionRule.decide("DB-1", true, "符合", false, null, null, "REFUSED", " "))
                .hasMessageContaining("needs reasons");
        assertThatThrownBy(() -> DecisionRule.decide("DB-1", true, "符合", false, null, null, null, null))
                .hasMessageContaining("cannot record");
        assertThatThrownBy(() -> DecisionRule.decide("DB-1", null, null, false, null, null, "APPROVED", null))
                .hasMessageContaining("no eligibility result");
        assertThatThrownBy(() -> DecisionRule.decide("DB-1", false, null, false, null, null, null, null))
                .hasMessageContaining("needs reasons");
    }
}
