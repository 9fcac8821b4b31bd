package jiuzhu.calendar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines worked out by hand on a printed calendar from the two State Council notices, one row per case.
 * Each row says in words how it was counted, so a failing row can be re-checked without running code.
 */
class WorkingDayCalendarFixturesTest {

    private static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadShippedData() {
        calendar = new WorkingDayCalendar(CalendarData.loadClasspathDefaults());
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} working days = {2} (provisional {3}): {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # from     | N  | deadline   | prov  | how it was counted
            # --- 2024 (unknown) into 2025 New Year: Jan 1 (Wed) off
            2024-12-30 |  1 | 2024-12-31 | true  | Dec 31 lies in unknown 2024, Mon-Fri fallback
            2024-12-30 |  2 | 2025-01-02 | true  | Dec 31, (Jan 1 off), Jan 2
            2024-12-31 |  1 | 2025-01-02 | false | only 2025 days are counted, Jan 1 off
            2024-12-31 |  3 | 2025-01-06 | false | Jan 2, Jan 3, (weekend), Mon Jan 6
            2025-01-01 |  1 | 2025-01-02 | false | from inside the one-day holiday
            # --- 2025 Spring Festival: Jan 28 (Tue) - Feb 4 (Tue) off; Sun Jan 26 and Sat Feb 8 worked
            2025-01-24 |  1 | 2025-01-26 | false | Friday before Spring Festival, next is make-up Sunday
            2025-01-24 |  2 | 2025-01-27 | false | Jan 26, Jan 27
            2025-01-24 |  3 | 2025-02-05 | false | Jan 26, 27, then first day after the holiday
            2025-01-24 |  6 | 2025-02-08 | false | Jan 26, 27, Feb 5, 6, 7, make-up Sat Feb 8
            2025-01-24 | 13 | 2025-02-18 | false | ... Feb 8, 10-14, 17, 18
            2025-01-24 | 30 | 2025-03-13 | false | ... Feb 19-21, 24-28, Mar 3-7, 10-13
            2025-01-25 |  1 | 2025-01-26 | false | from a plain Saturday onto make-up Sunday
            2025-01-26 |  1 | 2025-01-27 | false | from make-up Sunday
            2025-01-26 |  2 | 2025-02-05 | false | Jan 27, then Feb 5
            2025-01-27 |  1 | 2025-02-05 | false | last working day before the holiday
            2025-01-30 |  1 | 2025-02-05 | false | from inside the holiday
            2025-01-30 |  4 | 2025-02-08 | false | Feb 5, 6, 7, make-up Sat 8
            2025-01-30 | 10 | 2025-02-17 | false | Feb 5-8, 10-14, 17
            2025-02-04 |  1 | 2025-02-05 | false | from the last holiday day
            2025-02-07 |  1 | 2025-02-08 | false | Friday onto make-up Saturday
            2025-02-08 |  1 | 2025-02-10 | false | from make-up Saturday, Sunday off
            2025-02-08 |  5 | 2025-02-14 | false | Feb 10-14
            # --- 2025 Qingming: Apr 4 (Fri) - Apr 6 (Sun) off, no make-up day
            2025-04-02 |  1 | 2025-04-03 | false | ordinary Thursday
            2025-04-02 |  2 | 2025-04-07 | false | Apr 3, then Mon Apr 7
            2025-04-03 |  1 | 2025-04-07 | false | Thursday before the holiday
            2025-04-03 |  5 | 2025-04-11 | false | Apr 7-11
            2025-04-05 |  1 | 2025-04-07 | false | from inside the holiday
            # --- 2025 Labour Day: May 1 (Thu) - May 5 (Mon) off; Sun Apr 27 worked
            2025-04-25 |  1 | 2025-04-27 | false | Friday onto make-up Sunday
            2025-04-25 |  2 | 2025-04-28 | false | Apr 27, 28
            2025-04-25 |  4 | 2025-04-30 | false | Apr 27, 28, 29, 30
            2025-04-25 |  5 | 2025-05-06 | false | ... then Tue May 6
            2025-04-25 |  8 | 2025-05-09 | false | ... May 6, 7, 8, 9
            2025-04-25 |  9 | 2025-05-12 | false | ... weekend May 10-11 off, Mon May 12
            2025-04-26 |  1 | 2025-04-27 | false | plain Saturday onto make-up Sunday
            2025-04-27 |  1 | 2025-04-28 | false | from make-up Sunday
            2025-04-30 |  1 | 2025-05-06 | false | eve of the holiday
            2025-05-03 |  3 | 2025-05-08 | false | from inside: May 6, 7, 8
            # --- 2025 Dragon Boat: May 31 (Sat) - Jun 2 (Mon) off
            2025-05-29 |  1 | 2025-05-30 | false | ordinary Friday
            2025-05-29 |  2 | 2025-06-03 | false | May 30, then Tue Jun 3
            2025-05-30 |  1 | 2025-06-03 | false | Friday before the holiday
            2025-05-30 |  4 | 2025-06-06 | false | Jun 3-6
            2025-05-30 |  5 | 2025-06-09 | false | Jun 3-6, Mon Jun 9
            2025-06-01 |  1 | 2025-06-03 | false | from inside the holiday
            # --- an ordinary stretch
            2025-07-01 | 22 | 2025-07-31 | false | Jul 2-4, 7-11, 14-18, 21-25, 28-31
            # --- 2025 National Day + Mid-Autumn: Oct 1 (Wed) - Oct 8 (Wed) off; Sun Sep 28 and Sat Oct 11 worked
            2025-09-26 |  1 | 2025-09-28 | false | Friday onto make-up Sunday
            2025-09-26 |  3 | 2025-09-30 | false | Sep 28, 29, 30
            2025-09-26 |  4 | 2025-10-09 | false | ... then Thu Oct 9
            2025-09-26 |  6 | 2025-10-11 | false | ... Oct 9, 10, make-up Sat 11
            2025-09-26 |  7 | 2025-10-13 | false | ... Sun Oct 12 off, Mon 13
            2025-09-27 |  1 | 2025-09-28 | false | plain Saturday onto make-up Sunday
            2025-09-30 |  1 | 2025-10-09 | false | eve of the holiday
            2025-09-30 | 13 | 2025-10-24 | false | Oct 9, 10, 11, 13-17, 20-24
            2025-09-30 | 20 | 2025-11-04 | false | ... Oct 27-31, Nov 3, 4
            2025-10-05 |  3 | 2025-10-11 | false | from inside: Oct 9, 10, 11
            2025-10-11 |  1 | 2025-10-13 | false | from make-up Saturday
            # --- 2025 into 2026 New Year: Jan 1 (Thu) - Jan 3 (Sat) off; Sun Jan 4 worked
            2025-12-26 |  3 | 2025-12-31 | false | Dec 29, 30, 31
            2025-12-26 |  4 | 2026-01-04 | false | ... then make-up Sunday Jan 4
            2025-12-30 |  1 | 2025-12-31 | false | ordinary Wednesday
            2025-12-30 |  2 | 2026-01-04 | false | Dec 31, make-up Sun Jan 4
            2025-12-31 |  1 | 2026-01-04 | false | across the year end onto make-up Sunday
            2025-12-31 |  2 | 2026-01-05 | false | Jan 4, 5
            2025-12-31 |  6 | 2026-01-09 | false | Jan 4-9
            2025-12-31 |  7 | 2026-01-12 | false | Jan 4-9, Mon Jan 12
            2025-12-31 | 30 | 2026-02-12 | false | Jan 4-9, 12-16, 19-23, 26-30, Feb 2-6, 9-12
            2026-01-02 |  1 | 2026-01-04 | false | from inside the holiday
            2026-01-03 |  1 | 2026-01-04 | false | from the Saturday holiday
            2026-01-04 |  1 | 2026-01-05 | false | from make-up Sunday
            # --- 2026 Spring Festival: Feb 15 (Sun) - Feb 23 (Mon) off; Sat Feb 14 and Sat Feb 28 worked
            2026-02-12 |  2 | 2026-02-14 | false | Feb 13, make-up Sat 14
            2026-02-13 |  1 | 2026-02-14 | false | Friday before Spring Festival onto make-up Saturday
            2026-02-13 |  2 | 2026-02-24 | false | Feb 14, then Tue Feb 24
            2026-02-13 |  5 | 2026-02-27 | false | Feb 14, 24, 25, 26, 27
            2026-02-13 |  6 | 2026-02-28 | false | ... make-up Sat Feb 28
            2026-02-13 |  7 | 2026-03-02 | false | ... Sun Mar 1 off, Mon Mar 2
            2026-02-13 | 13 | 2026-03-10 | false | ... Mar 2-6, 9, 10
            2026-02-13 | 30 | 2026-04-02 | false | ... Mar 11-13, 16-20, 23-27, 30, 31, Apr 1, 2
            2026-02-14 |  1 | 2026-02-24 | false | from make-up Saturday
            2026-02-18 |  1 | 2026-02-24 | false | from inside the holiday
            2026-02-18 |  4 | 2026-02-27 | false | Feb 24-27
            2026-02-18 |  5 | 2026-02-28 | false | Feb 24-27, make-up Sat 28
            2026-02-21 |  1 | 2026-02-24 | false | from a Saturday inside the holiday
            2026-02-23 |  1 | 2026-02-24 | false | from the Monday that is still holiday
            2026-02-27 |  1 | 2026-02-28 | false | Friday onto make-up Saturday
            2026-02-28 |  1 | 2026-03-02 | false | from make-up Saturday
            2026-03-06 | 10 | 2026-03-20 | false | ordinary: Mar 9-13, 16-20
            # --- 2026 Qingming: Apr 4 (Sat) - Apr 6 (Mon) off
            2026-04-03 |  1 | 2026-04-07 | false | Friday before, Mon Apr 6 is holiday
            2026-04-03 |  4 | 2026-04-10 | false | Apr 7-10
            2026-04-03 |  5 | 2026-04-13 | false | Apr 7-10, Mon 13
            2026-04-05 |  1 | 2026-04-07 | false | from inside the holiday
            # --- 2026 Labour Day: May 1 (Fri) - May 5 (Tue) off; Sat May 9 worked
            2026-04-24 | 10 | 2026-05-12 | false | Apr 27-30, May 6-9, 11, 12
            2026-04-29 |  2 | 2026-05-06 | false | Apr 30, then Wed May 6
            2026-04-30 |  1 | 2026-05-06 | false | eve of the holiday
            2026-04-30 |  4 | 2026-05-09 | false | May 6, 7, 8, make-up Sat 9
            2026-04-30 |  5 | 2026-05-11 | false | ... Mon May 11
            2026-05-03 |  1 | 2026-05-06 | false | from inside the holiday
            2026-05-08 |  1 | 2026-05-09 | false | Friday onto make-up Saturday
            2026-05-09 |  1 | 2026-05-11 | false | from make-up Saturday
            # --- 2026 Dragon Boat: Jun 19 (Fri) - Jun 21 (Sun) off
            2026-06-17 |  1 | 2026-06-18 | false | ordinary Thursday
            2026-06-17 |  2 | 2026-06-22 | false | Jun 18, then Mon Jun 22
            2026-06-18 |  1 | 2026-06-22 | false | Thursday before the holiday
            2026-06-18 |  5 | 2026-06-26 | false | Jun 22-26
            2026-06-18 |  6 | 2026-06-29 | false | Jun 22-26, Mon 29
            2026-06-20 |  1 | 2026-06-22 | false | from inside the holiday
            # --- 2026 Mid-Autumn Sep 25 (Fri) - 27 (Sun) and National Day Oct 1 (Thu) - 7 (Wed) off; Sun Sep 20 and Sat Oct 10 worked
            2026-09-18 |  1 | 2026-09-20 | false | Friday onto make-up Sunday
            2026-09-18 |  2 | 2026-09-21 | false | Sep 20, 21
            2026-09-18 |  5 | 2026-09-24 | false | Sep 20-24
            2026-09-18 |  6 | 2026-09-28 | false | ... Mid-Autumn off, Mon Sep 28
            2026-09-18 |  8 | 2026-09-30 | false | ... Sep 28, 29, 30
            2026-09-18 |  9 | 2026-10-08 | false | ... then Thu Oct 8
            2026-09-18 | 11 | 2026-10-10 | false | ... Oct 8, 9, make-up Sat 10
            2026-09-18 | 12 | 2026-10-12 | false | ... Mon Oct 12
            2026-09-19 |  1 | 2026-09-20 | false | plain Saturday onto make-up Sunday
            2026-09-20 |  1 | 2026-09-21 | false | from make-up Sunday
            2026-09-24 |  1 | 2026-09-28 | false | eve of Mid-Autumn
            2026-09-26 |  3 | 2026-09-30 | false | from inside Mid-Autumn: Sep 28, 29, 30
            2026-09-26 |  4 | 2026-10-08 | false | ... then Oct 8
            2026-09-29 |  1 | 2026-09-30 | false | ordinary Wednesday
            2026-09-29 |  2 | 2026-10-08 | false | Sep 30, Oct 8
            2026-09-29 | 13 | 2026-10-22 | false | DOMAIN.md example: Sep 30, Oct 8, 9, 10, 12-16, 19-22
            2026-09-29 | 30 | 2026-11-16 | false | ... Oct 23, 26-30, Nov 2-6, 9-13, 16
            2026-09-30 |  1 | 2026-10-08 | false | eve of National Day
            2026-10-04 |  1 | 2026-10-08 | false | from inside National Day
            2026-10-04 |  3 | 2026-10-10 | false | Oct 8, 9, make-up Sat 10
            2026-10-04 |  4 | 2026-10-12 | false | ... Mon Oct 12
            2026-10-09 |  1 | 2026-10-10 | false | Friday onto make-up Saturday
            2026-10-10 |  1 | 2026-10-12 | false | from make-up Saturday
            # --- 2026 into unknown 2027: Mon-Fri fallback and flagged provisional
            2026-12-25 |  4 | 2026-12-31 | false | Dec 28-31, all in 2026
            2026-12-25 |  5 | 2027-01-01 | true  | Fri Jan 1 2027 counts only by the fallback
            2026-12-30 |  1 | 2026-12-31 | false | Thursday, still 2026
            2026-12-30 |  2 | 2027-01-01 | true  | Dec 31, then fallback Fri Jan 1
            2026-12-30 |  3 | 2027-01-04 | true  | Dec 31, Jan 1, Mon Jan 4
            2026-12-31 |  1 | 2027-01-01 | true  | first day counted is in 2027
            2026-12-31 | 20 | 2027-01-28 | true  | Jan 1, 4-8, 11-15, 18-22, 25-28
            2027-03-01 |  5 | 2027-03-08 | true  | wholly unknown: Mar 2-5, Mon 8
            """)
    void deadlineIsTheNthWorkingDayAfterTheStart(LocalDate from, int n, LocalDate expected, boolean provisional,
                                                 String howCounted) {
        Deadline deadline = calendar.addWorkingDays(from, n);

        assertThat(deadline).isEqualTo(new Deadline(expected, provisional));
        // The same fixture read backwards: exactly n working days lie in (from, deadline].
        assertThat(calendar.workingDaysBetween(from, expected)).isEqualTo(new WorkingDayCount(n, provisional));
    }

    @ParameterizedTest(name = "[{index}] {0} is {1} (known {2}, working {3}): {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # date     | kind            | known | working | why
            2025-01-01 | HOLIDAY         | true  | false   | New Year, a Wednesday
            2025-01-26 | MAKE_UP_WORKDAY | true  | true    | Sunday worked for Spring Festival
            2025-02-01 | HOLIDAY         | true  | false   | Saturday inside Spring Festival
            2025-02-08 | MAKE_UP_WORKDAY | true  | true    | Saturday worked for Spring Festival
            2025-04-27 | MAKE_UP_WORKDAY | true  | true    | Sunday worked for Labour Day
            2025-05-05 | HOLIDAY         | true  | false   | Monday, last day of Labour Day
            2025-06-02 | HOLIDAY         | true  | false   | Monday, Dragon Boat
            2025-09-28 | MAKE_UP_WORKDAY | true  | true    | Sunday worked for National Day
            2025-10-08 | HOLIDAY         | true  | false   | Wednesday, last day of National Day
            2025-10-11 | MAKE_UP_WORKDAY | true  | true    | Saturday worked for National Day
            2025-10-12 | WEEKEND         | true  | false   | ordinary Sunday
            2025-11-14 | WORKDAY         | true  | true    | ordinary Friday
            2026-01-03 | HOLIDAY         | true  | false   | Saturday inside New Year
            2026-01-04 | MAKE_UP_WORKDAY | true  | true    | Sunday worked for New Year
            2026-02-14 | MAKE_UP_WORKDAY | true  | true    | Saturday worked for Spring Festival
            2026-02-15 | HOLIDAY         | true  | false   | Sunday, first day of Spring Festival
            2026-02-16 | HOLIDAY         | true  | false   | Monday inside Spring Festival
            2026-02-21 | HOLIDAY         | true  | false   | Saturday inside Spring Festival
            2026-02-23 | HOLIDAY         | true  | false   | Monday, last day of Spring Festival
            2026-02-24 | WORKDAY         | true  | true    | first working day after Spring Festival
            2026-02-28 | MAKE_UP_WORKDAY | true  | true    | Saturday worked for Spring Festival
            2026-03-07 | WEEKEND         | true  | false   | ordinary Saturday
            2026-04-06 | HOLIDAY         | true  | false   | Monday, Qingming
            2026-05-09 | MAKE_UP_WORKDAY | true  | true    | Saturday worked for Labour Day
            2026-06-19 | HOLIDAY         | true  | false   | Friday, Dragon Boat
            2026-09-20 | MAKE_UP_WORKDAY | true  | true    | Sunday worked for National Day
            2026-09-25 | HOLIDAY         | true  | false   | Friday, Mid-Autumn
            2026-10-10 | MAKE_UP_WORKDAY | true  | true    | Saturday worked for National Day
            2026-12-31 | WORKDAY         | true  | true    | last day of the data
            2024-12-31 | WORKDAY         | false | true    | 2024 has no data: Tuesday by the fallback
            2027-01-01 | WORKDAY         | false | true    | not guessed as New Year: Friday by the fallback
            2027-03-01 | WORKDAY         | false | true    | Monday of an unknown year
            2027-03-06 | WEEKEND         | false | false   | Saturday of an unknown year
            """)
    void describeTellsTheKindOfDay(LocalDate date, DayKind kind, boolean known, boolean working, String why) {
        assertThat(calendar.describe(date)).isEqualTo(new DayInfo(date, known, working, kind));
        assertThat(calendar.isKnown(date)).isEqualTo(known);
    }

    @Test
    void theShippedDataCoversExactly2025And2026() {
        assertThat(calendar.knownYears()).containsExactly(2025, 2026);
    }
}
