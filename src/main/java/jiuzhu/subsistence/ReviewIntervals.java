package jiuzhu.subsistence;

/**
 * How often a beneficiary household is reviewed: every 6 months when a member is able to work or the income is
 * irregular (its situation changes fast), every 12 months otherwise (DOMAIN.md §2.1; both configurable). An unknown
 * answer (null) counts as "no": the home visit form requires both answers before the decision.
 */
final class ReviewIntervals {

    private ReviewIntervals() {
    }

    static int months(Boolean memberCanWork, Boolean irregularIncome, SubsistenceProperties properties) {
        boolean unstable = Boolean.TRUE.equals(memberCanWork) || Boolean.TRUE.equals(irregularIncome);
        return unstable ? properties.reviewIntervalMonthsUnstable() : properties.reviewIntervalMonths();
    }
}
