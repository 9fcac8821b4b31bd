package jiuzhu.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One announced holiday period, an inclusive range of days off. Whether the range is sane (inside its year,
 * not reversed, not overlapping others) is checked by {@link CalendarYear}, which sees all ranges together.
 */
public record Holiday(String name, LocalDate from, LocalDate to) {
    public Holiday {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
