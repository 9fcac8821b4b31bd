package jiuzhu.subsistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiuzhu.subsistence.*}, values DOMAIN.md marks as configuration rather than law:
 * {@code publicity-days} (公示, calendar days, 7), {@code materials-working-days} (time given to complete the
 * materials, 10 [CONFIG]), {@code refusal-notice-working-days} (written refusal after the decision, 3),
 * {@code review-interval-months} (stable households, 12) and {@code review-interval-months-unstable} (a member able to
 * work, or irregular income, 6).
 */
@ConfigurationProperties("jiuzhu.subsistence")
record SubsistenceProperties(
        @DefaultValue("7") int publicityDays,
        @DefaultValue("10") int materialsWorkingDays,
        @DefaultValue("3") int refusalNoticeWorkingDays,
        @DefaultValue("12") int reviewIntervalMonths,
        @DefaultValue("6") int reviewIntervalMonthsUnstable) {

    static SubsistenceProperties defaults() {
        return new SubsistenceProperties(7, 10, 3, 12, 6);
    }
}
