package jiuzhu.calendar;

/** A number of working days; {@code provisional} means some counted days lie in a year without official data. */
public record WorkingDayCount(int count, boolean provisional) {
    public WorkingDayCount {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
