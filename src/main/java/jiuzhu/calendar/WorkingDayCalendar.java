package jiuzhu.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Statutory working days (法定工作日): Monday–Friday outside announced holidays, plus announced weekend
 * make-up days. Limits written "N个工作日" are counted here; "N天" are calendar days
 * ({@link #plusCalendarDays}).
 *
 * <p>Years without official data are never guessed: their days are reported as unknown, answered on a
 * Monday–Friday basis, and every result that touches them is marked provisional so that it can be
 * recomputed when the State Council publishes the year.
 *
 * <p>Immutable and thread-safe. A new instance is built when the data changes; callers swap the reference.
 */
public final class WorkingDayCalendar {

    /** The time zone in which statutory days begin and end. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Upper bound of {@link #addWorkingDays}; no statutory limit comes near it, a larger value is a bug. */
    static final int MAX_WORKING_DAYS = 1000;

    private final Map<Integer, YearTable> known;
    private final SortedSet<Integer> knownYears;
    private final List<CalendarYear> years;

    /**
     * @throws CalendarDataException when two entries describe the same year
     */
    public WorkingDayCalendar(Collection<CalendarYear> years) {
        Objects.requireNonNull(years, "years");
        Map<Integer, YearTable> tables = new HashMap<>();
        List<CalendarYear> sorted = new ArrayList<>();
        for (CalendarYear year : years) {
            Objects.requireNonNull(year, "years must not contain null");
            if (tables.putIfAbsent(year.year(), YearTable.of(year)) != null) {
                throw new CalendarDataException("WorkingDayCalendar", List.of(
                        "年份 " + year.year() + " 的数据出现了两次 / year " + year.year()
                                + " is given twice (duplicate year)"));
            }
            sorted.add(year);
        }
        sorted.sort(Comparator.comparingInt(CalendarYear::year));
        this.known = Map.copyOf(tables);
        this.knownYears = Collections.unmodifiableSortedSet(new TreeSet<>(tables.keySet()));
        this.years = List.copyOf(sorted);
    }

    public DayInfo describe(LocalDate date) {
        Objects.requireNonNull(date, "date");
        YearTable table = table(date.getYear());
        int index = date.getDayOfYear() - 1;
        DayKind kind;
        if (table.holiday.get(index)) {
            kind = DayKind.HOLIDAY;
        } else if (table.makeUp.get(index)) {
            kind = DayKind.MAKE_UP_WORKDAY;
        } else if (isWeekend(date.getDayOfWeek())) {
            kind = DayKind.WEEKEND;
        } else {
            kind = DayKind.WORKDAY;
        }
        return new DayInfo(date, table.known, kind.isWorkingDay(), kind);
    }

    public boolean isKnown(LocalDate date) {
        return known.containsKey(date.getYear());
    }

    public SortedSet<Integer> knownYears() {
        return knownYears;
    }

    /** The data this calendar was built from, sorted by year. */
    public List<CalendarYear> years() {
        return years;
    }

    /**
     * The {@code workingDays}-th working day after {@code from}; {@code from} itself never counts, because
     * statutory limits run from the day after acceptance.
     *
     * @param workingDays 1..1000
     */
    public Deadline addWorkingDays(LocalDate from, int workingDays) {
        Objects.requireNonNull(from, "from");
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "workingDays must be between 1 and " + MAX_WORKING_DAYS + ", was " + workingDays);
        }
        int remaining = workingDays;
        boolean provisional = false;
        int year = from.getYear();
        int index = from.getDayOfYear(); // 0-based index of the day after `from`
        while (true) {
            YearTable table = table(year);
            if (index < table.length && !table.known) {
                // The result lies in this year or later, so this year's days from `index` on are all counted.
                provisional = true;
            }
            for (int i = table.working.nextSetBit(index); i >= 0; i = table.working.nextSetBit(i + 1)) {
                if (--remaining == 0) {
                    return new Deadline(LocalDate.ofYearDay(year, i + 1), provisional);
                }
            }
            year++;
            index = 0;
        }
    }

    /** Working days in {@code (fromExclusive, toInclusive]}; zero when {@code toInclusive <= fromExclusive}. */
    public WorkingDayCount workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (!toInclusive.isAfter(fromExclusive)) {
            return new WorkingDayCount(0, false);
        }
        int count = 0;
        boolean provisional = false;
        for (int year = fromExclusive.getYear(); year <= toInclusive.getYear(); year++) {
            YearTable table = table(year);
            int start = year == fromExclusive.getYear() ? fromExclusive.getDayOfYear() : 0;
            int end = year == toInclusive.getYear() ? toInclusive.getDayOfYear() : table.length;
            if (start < end) {
                count += table.workingBefore[end] - table.workingBefore[start];
                provisional |= !table.known;
            }
        }
        return new WorkingDayCount(count, provisional);
    }

    /** "N天" limits are calendar days: holidays and weekends count like any other day. */
    public static LocalDate plusCalendarDays(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        return from.plusDays(days);
    }

    /**
     * The first day in {@code [from, from + days)} whose year has no official data, for the health check
     * "does the calendar cover the coming weeks?".
     */
    public Optional<LocalDate> firstUnknownDay(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        if (days == 0) {
            return Optional.empty();
        }
        LocalDate last = from.plusDays(days - 1L);
        for (int year = from.getYear(); year <= last.getYear(); year++) {
            if (!known.containsKey(year)) {
                return Optional.of(year == from.getYear() ? from : LocalDate.of(year, 1, 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The instant a deadline "at the end of day {@code d}" is reached: 00:00 of the next day in Shanghai,
     * whatever the server's own time zone.
     */
    public static Instant endOfDay(LocalDate d) {
        Objects.requireNonNull(d, "d");
        return d.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[knownYears=" + knownYears + "]";
    }

    private YearTable table(int year) {
        YearTable table = known.get(year);
        return table != null ? table : YearTable.fallback(year);
    }

    private static boolean isWeekend(DayOfWeek dow) {
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /**
     * One year as bit sets indexed by day-of-year minus one, so that finding the next working day is a
     * {@code nextSetBit} and counting a range is two array look-ups. Never mutated after construction.
     */
    private static final class YearTable {
        final boolean known;
        final int length;
        final BitSet working;
        final BitSet holiday;
        final BitSet makeUp;
        /** workingBefore[i] = number of working days among indices [0, i). */
        final int[] workingBefore;

        // A Monday–Friday year depends only on the weekday of 1 January and on leap-ness: 14 shapes in all,
        // so unknown years cost nothing to look up. Indexed [leap ? 1 : 0][weekday of 1 January - 1].
        private static final YearTable[][] FALLBACK = new YearTable[2][7];

        static {
            for (int leap = 0; leap < 2; leap++) {
                for (int dow = 1; dow <= 7; dow++) {
                    FALLBACK[leap][dow - 1] = weekdaysOnly(leap == 1 ? 366 : 365, DayOfWeek.of(dow));
                }
            }
        }

        private YearTable(boolean known, int length, BitSet working, BitSet holiday, BitSet makeUp) {
            this.known = known;
            this.length = length;
            this.working = working;
            this.holiday = holiday;
            this.makeUp = makeUp;
            this.workingBefore = new int[length + 1];
            for (int i = 0; i < length; i++) {
                workingBefore[i + 1] = workingBefore[i] + (working.get(i) ? 1 : 0);
            }
        }

        static YearTable fallback(int year) {
            int leap = Year.isLeap(year) ? 1 : 0;
            return FALLBACK[leap][LocalDate.of(year, 1, 1).getDayOfWeek().getValue() - 1];
        }

        private static YearTable weekdaysOnly(int length, DayOfWeek firstDay) {
            BitSet working = new BitSet(length);
            for (int i = 0; i < length; i++) {
                if (!isWeekend(firstDay.plus(i))) {
                    working.set(i);
                }
            }
            return new YearTable(false, length, working, new BitSet(), new BitSet());
        }

        static YearTable of(CalendarYear data) {
            int year = data.year();
            int length = Year.of(year).length();
            BitSet holiday = new BitSet(length);
            for (Holiday h : data.holidays()) {
                holiday.set(h.from().getDayOfYear() - 1, h.to().getDayOfYear());
            }
            BitSet makeUp = new BitSet(length);
            for (LocalDate d : data.makeUpWorkdays()) {
                makeUp.set(d.getDayOfYear() - 1);
            }
            BitSet working = new BitSet(length);
            DayOfWeek firstDay = LocalDate.of(year, 1, 1).getDayOfWeek();
            for (int i = 0; i < length; i++) {
                boolean weekday = !isWeekend(firstDay.plus(i));
                if ((weekday && !holiday.get(i)) || makeUp.get(i)) {
                    working.set(i);
                }
            }
            return new YearTable(true, length, working, holiday, makeUp);
        }
    }
}
