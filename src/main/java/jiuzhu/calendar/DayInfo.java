package jiuzhu.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the calendar knows about one day. {@code known == false} means the year has no official data yet and
 * {@code kind} was derived from Monday–Friday only, so it may turn out wrong once the year is announced.
 */
public record DayInfo(LocalDate date, boolean known, boolean workingDay, DayKind kind) {
    public DayInfo {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (workingDay != kind.isWorkingDay()) {
            throw new IllegalArgumentException("workingDay=" + workingDay + " contradicts kind " + kind);
        }
        if (!known && (kind == DayKind.HOLIDAY || kind == DayKind.MAKE_UP_WORKDAY)) {
            throw new IllegalArgumentException("a day of an unknown year cannot be " + kind);
        }
    }
}
