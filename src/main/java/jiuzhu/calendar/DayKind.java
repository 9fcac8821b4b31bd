package jiuzhu.calendar;

/** The kind of a calendar day; a day inside a holiday range is HOLIDAY even when it is a Saturday or Sunday. */
public enum DayKind {
    WORKDAY(true),
    WEEKEND(false),
    HOLIDAY(false),
    MAKE_UP_WORKDAY(true);

    private final boolean workingDay;

    DayKind(boolean workingDay) {
        this.workingDay = workingDay;
    }

    public boolean isWorkingDay() {
        return workingDay;
    }
}
