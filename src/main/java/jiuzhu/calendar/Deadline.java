package jiuzhu.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day of a working-day limit. {@code provisional} means part of the count ran through a year
 * without official data, so the date must be recomputed once that year is loaded.
 */
public record Deadline(LocalDate date, boolean provisional) {
    public Deadline {
        Objects.requireNonNull(date, "date");
    }
}
