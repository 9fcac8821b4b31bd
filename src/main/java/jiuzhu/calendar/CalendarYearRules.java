package jiuzhu.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consistency rules of one year's data, shared by the file parser (which reports them with the file
 * name) and by {@link CalendarYear} itself (so a year built in code cannot bypass them).
 */
final class CalendarYearRules {

    private CalendarYearRules() {
    }

    /**
     * @param year null when the file did not say; in-year checks are then skipped to avoid noise
     * @return bilingual problem lines, empty when the data is consistent
     */
    static List<String> problems(Integer year, String source, List<Holiday> holidays, List<LocalDate> makeUps) {
        List<String> problems = new ArrayList<>();
        if (year == null) {
            problems.add("缺少年份 year / missing field 'year'");
        }
        if (source == null || source.isBlank()) {
            problems.add("缺少来源 source（国务院办公厅通知的标题）/ missing field 'source' (title of the State Council notice)");
        }
        if (holidays.isEmpty()) {
            problems.add("没有列出任何节假日 holidays / no holidays listed");
        }

        List<Holiday> wellFormed = new ArrayList<>();
        for (Holiday h : holidays) {
            String zh = zh(h);
            String en = en(h);
            if (h.name().isBlank()) {
                problems.add("节假日缺少名称 name（" + h.from() + "）/ holiday starting " + h.from() + " has no name");
            }
            if (h.from().isAfter(h.to())) {
                problems.add("节假日" + zh + "的开始日期 " + h.from() + " 晚于结束日期 " + h.to()
                        + " / holiday " + en + " starts on " + h.from() + ", after its end " + h.to()
                        + " (from > to)");
                continue;
            }
            if (year != null && (h.from().getYear() != year || h.to().getYear() != year)) {
                problems.add("节假日" + zh + "（" + h.from() + " 至 " + h.to() + "）超出本年 " + year
                        + " / holiday " + en + " (" + h.from() + " to " + h.to() + ") lies outside the year "
                        + year);
            }
            wellFormed.add(h);
        }

        wellFormed.sort(Comparator.comparing(Holiday::from));
        for (int i = 1; i < wellFormed.size(); i++) {
            Holiday a = wellFormed.get(i - 1);
            Holiday b = wellFormed.get(i);
            if (!b.from().isAfter(a.to())) {
                problems.add("节假日" + zh(a) + "与" + zh(b) + "日期重叠 / holidays " + en(a) + " and "
                        + en(b) + " overlap (" + a.from() + " to " + a.to() + ", " + b.from() + " to "
                        + b.to() + ")");
            }
        }

        Set<LocalDate> seen = new HashSet<>();
        for (LocalDate d : makeUps) {
            if (!seen.add(d)) {
                problems.add("调休上班日 " + d + " 重复出现 / make-up working day " + d + " is listed twice (duplicate)");
                continue;
            }
            if (year != null && d.getYear() != year) {
                problems.add("调休上班日 " + d + " 超出本年 " + year + " / make-up working day " + d
                        + " lies outside the year " + year);
            }
            DayOfWeek dow = d.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                problems.add("调休上班日 " + d + " 不是周六或周日（是" + chineseWeekday(dow) + "）/ make-up working day "
                        + d + " is not a Saturday or Sunday (it is a " + dow + ")");
            }
            for (Holiday h : wellFormed) {
                if (h.contains(d)) {
                    problems.add("调休上班日 " + d + " 落在节假日" + zh(h) + "之内 / make-up working day " + d
                            + " lies inside holiday " + en(h));
                }
            }
        }
        return problems;
    }

    private static String zh(Holiday h) {
        return "「" + h.name() + "」";
    }

    private static String en(Holiday h) {
        return "'" + h.name() + "'";
    }

    private static String chineseWeekday(DayOfWeek dow) {
        return "周" + "一二三四五六日".charAt(dow.getValue() - 1);
    }
}
