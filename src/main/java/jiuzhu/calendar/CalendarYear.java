package jiuzhu.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One year's official data, as published in the State Council notice. The compact constructor re-checks
 * the consistency rules and sorts the lists, so two instances with the same content are equal whatever
 * order the file listed them in (useful to tell whether a reload changed anything).
 *
 * @throws CalendarDataException when the data is inconsistent (see {@link CalendarData} for the rules)
 */
public record CalendarYear(int year, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkdays) {

    public CalendarYear {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(makeUpWorkdays, "makeUpWorkdays");
        List<Holiday> sortedHolidays = new ArrayList<>(holidays);
        sortedHolidays.sort(Comparator.comparing(Holiday::from));
        List<LocalDate> sortedMakeUps = new ArrayList<>(makeUpWorkdays);
        sortedMakeUps.sort(Comparator.naturalOrder());
        holidays = List.copyOf(sortedHolidays);
        makeUpWorkdays = List.copyOf(sortedMakeUps);

        List<String> problems = CalendarYearRules.problems(year, source, holidays, makeUpWorkdays);
        if (!problems.isEmpty()) {
            throw new CalendarDataException("CalendarYear " + year, problems);
        }
    }
}
