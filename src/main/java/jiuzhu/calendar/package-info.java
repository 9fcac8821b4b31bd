/**
 * The statutory working-day calendar (法定工作日历): Chinese assistance law counts many time limits in
 * "N个工作日", and those working days are not Monday–Friday but whatever the State Council announces each
 * November (holidays plus weekend make-up days, 调休上班), so a deadline computed on a plain week is wrong
 * several times a year. This package turns the yearly announcements, kept as administrator-editable YAML
 * files under {@code calendar/}, into an immutable {@link jiuzhu.calendar.WorkingDayCalendar} that answers
 * "what kind of day is this" and "when is the N-th working day after acceptance". It deliberately never
 * guesses a year that has not been announced: such days fall back to Monday–Friday and every answer that
 * depends on them is flagged as provisional, so callers can recompute once the real data is loaded. It is
 * plain Java and Jackson, with no Spring or Camunda, so that beans, REST endpoints and timers can all share
 * the same rules and the rules can be tested in milliseconds.
 */
package jiuzhu.calendar;
