package jiuzhu.calendar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/**
 * Exhaustive checks over every start day of the two known years, against simple day-by-day counting, plus
 * the edges of the public API. The official table is transcribed here a second time, from DOMAIN.md §3 and
 * not from the YAML files, so that a typo in a data file cannot hide behind the code that reads it.
 */
class WorkingDayCalendarPropertiesTest {

    private static final LocalDate FIRST_KNOWN = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST_KNOWN = LocalDate.of(2026, 12, 31);
    private static final int MAX_N = 60;

    private static final List<LocalDate[]> OFFICIAL_HOLIDAYS = List.of(
            range("2025-01-01", "2025-01-01"), range("2025-01-28", "2025-02-04"),
            range("2025-04-04", "2025-04-06"), range("2025-05-01", "2025-05-05"),
            range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08"),
            range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"),
            range("2026-04-04", "2026-04-06"), range("2026-05-01", "2026-05-05"),
            range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
            range("2026-10-01", "2026-10-07"));

    private static final Set<LocalDate> OFFICIAL_MAKE_UP_DAYS = Set.of(
            d("2025-01-26"), d("2025-02-08"), d("2025-04-27"), d("2025-09-28"), d("2025-10-11"),
            d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"), d("2026-10-10"));

    private static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadShippedData() {
        calendar = new WorkingDayCalendar(CalendarData.loadClasspathDefaults());
    }

    @Test
    void everyDayOfTheKnownYearsMatchesTheOfficialTable() {
        for (LocalDate day = FIRST_KNOWN; !day.isAfter(LAST_KNOWN); day = day.plusDays(1)) {
            DayKind expected;
            if (OFFICIAL_HOLIDAYS.stream().anyMatch(inRange(day))) {
                expected = DayKind.HOLIDAY;
            } else if (OFFICIAL_MAKE_UP_DAYS.contains(day)) {
                expected = DayKind.MAKE_UP_WORKDAY;
            } else if (isWeekend(day)) {
                expected = DayKind.WEEKEND;
            } else {
                expected = DayKind.WORKDAY;
            }
            assertThat(calendar.describe(day)).as("%s", day)
                    .isEqualTo(new DayInfo(day, true, expected.isWorkingDay(), expected));
        }
    }

    @Test
    void bothYearsHave248WorkingDays() {
        for (int year : List.of(2025, 2026)) {
            int count = 0;
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                if (calendar.describe(day).workingDay()) {
                    count++;
                }
            }
            assertThat(count).as("working days counted with describe() in %d", year).isEqualTo(248);
            assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                    .as("workingDaysBetween over %d", year)
                    .isEqualTo(new WorkingDayCount(248, false));
        }
    }

    @Test
    void deadlinesInsideTheKnownYearsAreWorkingDaysReachedByCountingDayByDay() {
        int checked = 0;
        for (LocalDate start = FIRST_KNOWN; !start.isAfter(LAST_KNOWN); start = start.plusDays(1)) {
            for (int n = 1; n <= MAX_N; n++) {
                Deadline deadline = calendar.addWorkingDays(start, n);
                if (deadline.date().isAfter(LAST_KNOWN)) {
                    break; // covered by deadlinesReaching2027...
                }
                String what = start + " + " + n;
                assertThat(deadline.provisional()).as(what).isFalse();
                assertThat(deadline.date()).as(what).isAfter(start);
                assertThat(calendar.describe(deadline.date()).workingDay()).as(what).isTrue();
                assertThat(countWorkingDaysOneByOne(start, deadline.date())).as(what).isEqualTo(n);
                assertThat(calendar.workingDaysBetween(start, deadline.date())).as(what)
                        .isEqualTo(new WorkingDayCount(n, false));
                checked++;
            }
        }
        assertThat(checked).as("number of (start, N) pairs checked").isGreaterThan(40_000);
    }

    @Test
    void deadlinesReaching2027AreProvisionalAndFollowMondayToFriday() {
        int reached2027 = 0;
        for (LocalDate start = LocalDate.of(2026, 10, 1); start.isBefore(LocalDate.of(2027, 4, 1));
             start = start.plusDays(1)) {
            for (int n = 1; n <= MAX_N; n++) {
                Deadline deadline = calendar.addWorkingDays(start, n);
                String what = start + " + " + n;
                if (!deadline.date().isAfter(LAST_KNOWN)) {
                    assertThat(deadline.provisional()).as(what).isFalse();
                    continue;
                }
                reached2027++;
                assertThat(deadline.provisional()).as(what).isTrue();
                assertThat(calendar.isKnown(deadline.date())).as(what).isFalse();
                assertThat(isWeekend(deadline.date())).as(what + " falls on a weekend").isFalse();
                int count = 0;
                for (LocalDate day = start.plusDays(1); !day.isAfter(deadline.date()); day = day.plusDays(1)) {
                    boolean working = day.getYear() == 2027 ? !isWeekend(day) : calendar.describe(day).workingDay();
                    if (working) {
                        count++;
                    }
                }
                assertThat(count).as(what).isEqualTo(n);
                assertThat(calendar.workingDaysBetween(start, deadline.date())).as(what)
                        .isEqualTo(new WorkingDayCount(n, true));
            }
        }
        assertThat(reached2027).isGreaterThan(5_000);
    }

    @Test
    void workingDaysBetweenIsZeroUnlessTheEndIsAfterTheStart() {
        LocalDate day = d("2026-03-09");
        assertThat(calendar.workingDaysBetween(day, day)).isEqualTo(new WorkingDayCount(0, false));
        assertThat(calendar.workingDaysBetween(day, day.minusDays(10))).isEqualTo(new WorkingDayCount(0, false));
        assertThat(calendar.workingDaysBetween(d("2027-03-01"), d("2027-02-01")))
                .isEqualTo(new WorkingDayCount(0, false));
    }

    @Test
    void workingDaysBetweenIsProvisionalOnlyWhenAnUnknownDayIsCounted() {
        assertThat(calendar.workingDaysBetween(d("2024-12-31"), d("2025-01-02")))
                .isEqualTo(new WorkingDayCount(1, false));
        assertThat(calendar.workingDaysBetween(d("2024-12-30"), d("2025-01-02")))
                .isEqualTo(new WorkingDayCount(2, true));
        assertThat(calendar.workingDaysBetween(d("2026-12-31"), d("2027-01-01")))
                .isEqualTo(new WorkingDayCount(1, true));
        // 2023-12-31 .. 2027-12-31 spans 2024 (262 Mon-Fri days), 2025, 2026 (248 each), 2027 (261 Mon-Fri days)
        assertThat(calendar.workingDaysBetween(d("2023-12-31"), d("2027-12-31")))
                .isEqualTo(new WorkingDayCount(262 + 248 + 248 + 261, true));
    }

    @Test
    void workingDaysMustBeBetweenOneAndOneThousand() {
        LocalDate start = d("2026-01-05");
        for (int bad : new int[] {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> calendar.addWorkingDays(start, bad)).as("N = %d", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // 1000 working days is about four years: the end lies in unknown years, so it is provisional.
        Deadline far = calendar.addWorkingDays(start, 1000);
        assertThat(far.provisional()).isTrue();
        assertThat(calendar.workingDaysBetween(start, far.date()).count()).isEqualTo(1000);
    }

    @Test
    void calendarDaysIgnoreHolidays() {
        // "7天" from Tue 2026-09-29 ends inside the National Day holiday; calendar days do not care.
        assertThat(WorkingDayCalendar.plusCalendarDays(d("2026-09-29"), 7)).isEqualTo(d("2026-10-06"));
        assertThat(WorkingDayCalendar.plusCalendarDays(d("2026-12-28"), 7)).isEqualTo(d("2027-01-04"));
        assertThat(WorkingDayCalendar.plusCalendarDays(d("2026-12-28"), 0)).isEqualTo(d("2026-12-28"));
        assertThatThrownBy(() -> WorkingDayCalendar.plusCalendarDays(d("2026-12-28"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstUnknownDayFindsTheFirstDayWithoutData() {
        // Nov 2 + 59 days = Dec 31: the window of 60 days just fits in 2026.
        assertThat(calendar.firstUnknownDay(d("2026-11-02"), 60)).isEmpty();
        assertThat(calendar.firstUnknownDay(d("2026-11-03"), 60)).contains(d("2027-01-01"));
        assertThat(calendar.firstUnknownDay(d("2026-12-31"), 1)).isEmpty();
        assertThat(calendar.firstUnknownDay(d("2026-12-31"), 2)).contains(d("2027-01-01"));
        assertThat(calendar.firstUnknownDay(d("2024-06-01"), 10)).contains(d("2024-06-01"));
        assertThat(calendar.firstUnknownDay(d("2024-12-20"), 60)).contains(d("2024-12-20"));
        assertThat(calendar.firstUnknownDay(d("2025-01-01"), 730)).isEmpty();
        assertThat(calendar.firstUnknownDay(d("2025-01-01"), 731)).contains(d("2027-01-01"));
        assertThat(calendar.firstUnknownDay(d("2027-06-01"), 0)).isEmpty();
        assertThatThrownBy(() -> calendar.firstUnknownDay(d("2026-01-01"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endOfDayIsMidnightStartingTheNextDayInShanghai() {
        // Surefire runs with Asia/Shanghai as the default zone, which would hide a use of the server's zone;
        // so switch the default to another zone for the duration of this check.
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            // Shanghai is UTC+8 all year (no daylight saving).
            assertThat(WorkingDayCalendar.endOfDay(d("2026-10-22"))).isEqualTo(Instant.parse("2026-10-22T16:00:00Z"));
            assertThat(WorkingDayCalendar.endOfDay(d("2026-12-31"))).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(WorkingDayCalendar.ZONE.getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aCalendarWithoutDataKnowsNothingAndFlagsEverything() {
        WorkingDayCalendar empty = new WorkingDayCalendar(List.of());
        assertThat(empty.knownYears()).isEmpty();
        assertThat(empty.describe(d("2026-02-16")))
                .isEqualTo(new DayInfo(d("2026-02-16"), false, true, DayKind.WORKDAY));
        assertThat(empty.addWorkingDays(d("2026-09-29"), 13)).isEqualTo(new Deadline(d("2026-10-16"), true));
        assertThat(empty.firstUnknownDay(d("2026-09-29"), 1)).contains(d("2026-09-29"));
    }

    @Test
    void aYearGivenTwiceIsRejected() {
        List<CalendarYear> years = new ArrayList<>(CalendarData.loadClasspathDefaults());
        years.add(years.get(0));
        assertThatThrownBy(() -> new WorkingDayCalendar(years))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("两次").hasMessageContaining("duplicate year");
    }

    @Test
    void knownYearsAndYearsCannotBeModified() {
        assertThatThrownBy(() -> calendar.knownYears().add(2027)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calendar.years().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(calendar.years()).extracting(CalendarYear::year).containsExactly(2025, 2026);
    }

    @Test
    void aHundredThousandDeadlinesTakeWellUnderAFewSeconds() {
        // Timers are recomputed in bulk when a year is loaded; the bound is loose so a busy machine passes.
        assertTimeout(Duration.ofSeconds(5), () -> {
            LocalDate start = FIRST_KNOWN;
            for (int i = 0; i < 100_000; i++) {
                calendar.addWorkingDays(start.plusDays(i % 700), 1 + i % 60);
            }
        });
    }

    private static int countWorkingDaysOneByOne(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (calendar.describe(day).workingDay()) {
                count++;
            }
        }
        return count;
    }

    private static Predicate<LocalDate[]> inRange(LocalDate day) {
        return r -> !day.isBefore(r[0]) && !day.isAfter(r[1]);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {d(from), d(to)};
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
