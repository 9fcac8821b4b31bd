package jiuzhu.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clock of a case: started at acceptance with the assistance type's limit in working days, suspended
 * while the case waits on the applicant (those working days do not count), extended with a reason and an
 * approver, stopped at the decision. Every change is a ledger row and moves the case's timer jobs with it.
 * Deadlines reaching a year the calendar does not know are provisional and recomputed when the year arrives.
 */
@Service
public class SlaClock {

    public enum State { RUNNING, WARNED, BREACHED, SUSPENDED, STOPPED }

    /** Published when a case's clock starts, that is when the case is accepted (受理). */
    public record Started(String caseNumber, String assistanceType, LocalDate acceptedOn) {
    }

    /**
     * Published when a warning or breach is recorded: which case, of which type and unit, and how long after its due
     * instant the timer actually fired (the job executor's lag, for monitoring).
     */
    public record Escalated(String caseNumber, String assistanceType, String unitCode, State state, java.time.Duration lag) {
    }

    public record LedgerEntry(Instant at, String actor, String action, Integer workingDays, String reason,
            LocalDate oldDeadline, LocalDate newDeadline) {
    }

    /** What a case's clock shows; dates are Asia/Shanghai, the deadline is reached at the end of its day. */
    public record View(String caseNumber, String assistanceType, String unitCode, LocalDate startDate,
            int limitWorkingDays, int extensionWorkingDays, int suspendedWorkingDays, LocalDate deadline,
            boolean provisional, Instant deadlineAt, Instant warningAt, int elapsedWorkingDays,
            int remainingWorkingDays, int percentUsed, State state, List<LedgerEntry> ledger) {
    }

    record Row(String caseNumber, String assistanceType, String unitCode, String processInstanceId, LocalDate startDate,
            Instant startedAt, int limitDays, int warnDays, int extensionDays, int suspendedDays, LocalDate suspendedSince,
            State state, State stateBeforeSuspension, LocalDate deadline, boolean provisional, Instant stoppedAt) {

        int budget() {
            return limitDays + extensionDays;
        }
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("case_number"),
            rs.getString("assistance_type"), rs.getString("unit_code"), rs.getString("process_instance_id"),
            rs.getObject("start_date", LocalDate.class), rs.getTimestamp("started_at").toInstant(),
            rs.getInt("limit_days"), rs.getInt("warn_days"), rs.getInt("extension_days"), rs.getInt("suspended_days"),
            rs.getObject("suspended_since", LocalDate.class), State.valueOf(rs.getString("state")),
            rs.getString("state_before_suspension") == null ? null : State.valueOf(rs.getString("state_before_suspension")),
            rs.getObject("deadline", LocalDate.class), rs.getBoolean("deadline_provisional"),
            rs.getTimestamp("stopped_at") == null ? null : rs.getTimestamp("stopped_at").toInstant());

    static final int MAX_EXTENSION = 60;

    private final JdbcTemplate jdbc;
    private final StatutoryCalendar calendar;
    private final CalendarProperties properties;
    private final SlaTimers timers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SlaClock(JdbcTemplate jdbc, StatutoryCalendar calendar, CalendarProperties properties, SlaTimers timers, Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
        this.timers = timers;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void start(String caseNumber, String assistanceType, String unitCode, String processInstanceId, String actor) {
        if (!jdbc.queryForList("select case_number from jz_sla_clock where case_number = ?", String.class, caseNumber).isEmpty()) {
            throw new IllegalStateException("案件已有计时 / the SLA clock of case " + caseNumber + " was already started");
        }
        int limit = properties.limitFor(assistanceType);
        LocalDate today = today();
        Deadline deadline = calendar.current().addWorkingDays(today, limit);
        jdbc.update("insert into jz_sla_clock (case_number, assistance_type, unit_code, process_instance_id, start_date,"
                + " started_at, limit_days, warn_days, extension_days, suspended_days, state, deadline, deadline_provisional)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)", caseNumber, assistanceType, unitCode,
                processInstanceId, today, Timestamp.from(clock.instant()), limit, properties.warnBefore(),
                State.RUNNING.name(), deadline.date(), deadline.provisional());
        ledger(caseNumber, actor, "START", limit, "受理，开始计时 / accepted, clock started", null, deadline.date());
        events.publishEvent(new Started(caseNumber, assistanceType, today));
    }

    public Date deadlineAt(String caseNumber) {
        return Date.from(WorkingDayCalendar.endOfDay(row(caseNumber).deadline()));
    }

    public Date warningAt(String caseNumber) {
        return Date.from(warningInstant(row(caseNumber)));
    }

    @Transactional
    public void markWarned(String caseNumber, String actor) {
        Row row = lock(caseNumber);
        if (row.state() == State.RUNNING) {
            setState(caseNumber, State.WARNED);
        }
        int left = remaining(row);
        ledger(caseNumber, actor, "WARN", left, "剩余" + left + "个工作日 / working days left", null, null);
        events.publishEvent(new Escalated(caseNumber, row.assistanceType(), row.unitCode(), State.WARNED,
                java.time.Duration.between(warningInstant(row), clock.instant())));
    }

    @Transactional
    public void markBreached(String caseNumber, String actor) {
        Row row = lock(caseNumber);
        if (row.state() != State.STOPPED && row.state() != State.SUSPENDED) {
            setState(caseNumber, State.BREACHED);
        }
        ledger(caseNumber, actor, "BREACH", null, "超过办理时限 / time limit exceeded", row.deadline(), null);
        events.publishEvent(new Escalated(caseNumber, row.assistanceType(), row.unitCode(), State.BREACHED,
                java.time.Duration.between(WorkingDayCalendar.endOfDay(row.deadline()), clock.instant())));
    }

    @Transactional
    public void suspend(String caseNumber, String reason, String actor) {
        String why = required(reason);
        Row row = lock(caseNumber);
        if (row.state() == State.SUSPENDED || row.state() == State.STOPPED) {
            throw new IllegalStateException("计时已中止或已停止 / clock of " + caseNumber + " is " + row.state());
        }
        jdbc.update("update jz_sla_clock set state = ?, state_before_suspension = ?, suspended_since = ? where case_number = ?",
                State.SUSPENDED.name(), row.state().name(), today(), caseNumber);
        timers.suspend(row.processInstanceId());
        ledger(caseNumber, actor, "SUSPEND", null, why, row.deadline(), null);
    }

    /**
     * The working days from the day of suspension up to the day before resumption do not count (中止之日起不计时,
     * 恢复之日起继续计时): the case waited on those days; on the resumption day work goes on.
     */
    @Transactional
    public void resume(String caseNumber, String actor) {
        Row row = lock(caseNumber);
        if (row.state() != State.SUSPENDED) {
            throw new IllegalStateException("计时未中止 / clock of " + caseNumber + " is not suspended");
        }
        LocalDate dayBefore = row.suspendedSince().minusDays(1);
        LocalDate from = dayBefore.isBefore(row.startDate()) ? row.startDate() : dayBefore;
        int days = calendar.current().workingDaysBetween(from, today().minusDays(1)).count();
        jdbc.update("update jz_sla_clock set state = ?, state_before_suspension = null, suspended_since = null,"
                + " suspended_days = suspended_days + ? where case_number = ?", row.stateBeforeSuspension().name(), days, caseNumber);
        Row moved = recompute(caseNumber, actor, "RESUME", days, "恢复计时 / clock resumed");
        timers.activate(moved.processInstanceId());
    }

    @Transactional
    public void extend(String caseNumber, int workingDays, String reason, String approver) {
        if (workingDays < 1 || workingDays > MAX_EXTENSION) {
            throw new IllegalArgumentException("延期天数应为1至" + MAX_EXTENSION + " / extension must be 1.." + MAX_EXTENSION
                    + " working days, was " + workingDays);
        }
        String why = required(reason);
        String approvedBy = required(approver);
        Row row = lock(caseNumber);
        if (row.state() == State.STOPPED) {
            throw new IllegalStateException("计时已停止 / clock of " + caseNumber + " is stopped");
        }
        jdbc.update("update jz_sla_clock set extension_days = extension_days + ? where case_number = ?", workingDays, caseNumber);
        recompute(caseNumber, approvedBy, "EXTEND", workingDays, why);
    }

    @Transactional
    public void stop(String caseNumber, String reason, String actor) {
        Row row = lock(caseNumber);
        if (row.state() == State.STOPPED) {
            return;
        }
        jdbc.update("update jz_sla_clock set state = ?, stopped_at = ? where case_number = ?",
                State.STOPPED.name(), Timestamp.from(clock.instant()), caseNumber);
        ledger(caseNumber, actor, "STOP", elapsed(row, today()), required(reason), row.deadline(), null);
    }

    /** After a calendar year was loaded: every open clock whose deadline was provisional is computed again. */
    @EventListener
    @Transactional
    public void onCalendarYearsAdded(StatutoryCalendar.CalendarYearsAdded event) {
        List<String> cases = jdbc.queryForList("select case_number from jz_sla_clock where deadline_provisional = true"
                + " and state <> 'STOPPED'", String.class);
        for (String caseNumber : cases) {
            lock(caseNumber);
            recompute(caseNumber, event.actor(), "RECALCULATE", null,
                    "日历已更新（" + event.years() + "）/ calendar loaded for " + event.years());
        }
    }

    public Optional<View> view(String caseNumber) {
        List<Row> rows = jdbc.query("select * from jz_sla_clock where case_number = ?", ROW, caseNumber);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        int elapsed = elapsed(row, today());
        int percent = (int) Math.floorDiv(elapsed * 100L, row.budget());
        List<LedgerEntry> entries = jdbc.query("select at, actor, action, working_days, reason, old_deadline, new_deadline"
                + " from jz_sla_ledger where case_number = ? order by id", (rs, i) -> new LedgerEntry(
                rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)), caseNumber);
        return Optional.of(new View(row.caseNumber(), row.assistanceType(), row.unitCode(), row.startDate(),
                row.limitDays(), row.extensionDays(), row.suspendedDays(), row.deadline(), row.provisional(),
                WorkingDayCalendar.endOfDay(row.deadline()), warningInstant(row), elapsed, row.budget() - elapsed,
                percent, row.state(), entries));
    }

    /** Computes the deadline again; a resumption or extension is recorded even when it leaves the date where it was. */
    private Row recompute(String caseNumber, String actor, String action, Integer days, String reason) {
        boolean alwaysRecorded = !"RECALCULATE".equals(action);
        Row row = row(caseNumber);
        Deadline next = calendar.current().addWorkingDays(row.startDate(), row.budget() + row.suspendedDays());
        boolean unchanged = next.date().equals(row.deadline()) && next.provisional() == row.provisional();
        if (unchanged && !alwaysRecorded) {
            return row;
        }
        jdbc.update("update jz_sla_clock set deadline = ?, deadline_provisional = ? where case_number = ?",
                next.date(), next.provisional(), caseNumber);
        Row moved = row(caseNumber);
        if (moved.state() != State.SUSPENDED) {
            timers.move(moved.processInstanceId(), Date.from(warningInstant(moved)),
                    Date.from(WorkingDayCalendar.endOfDay(moved.deadline())));
        }
        ledger(caseNumber, actor, action, days, reason, row.deadline(), next.date());
        return moved;
    }

    private Instant warningInstant(Row row) {
        int n = row.budget() + row.suspendedDays() - row.warnDays();
        if (n < 1) {
            return row.startedAt();
        }
        return WorkingDayCalendar.endOfDay(calendar.current().addWorkingDays(row.startDate(), n).date());
    }

    /**
     * Working days used up: those fully passed (up to yesterday) while running, up to the day before suspension while
     * suspended, up to and including the day of the decision once stopped; suspended days excluded.
     */
    private int elapsed(Row row, LocalDate today) {
        LocalDate lastCounted = today.minusDays(1);
        if (row.state() == State.SUSPENDED && row.suspendedSince() != null) {
            lastCounted = row.suspendedSince().minusDays(1);
        } else if (row.stoppedAt() != null) {
            lastCounted = LocalDate.ofInstant(row.stoppedAt(), WorkingDayCalendar.ZONE);
        }
        return calendar.current().workingDaysBetween(row.startDate(), lastCounted).count() - row.suspendedDays();
    }

    private int remaining(Row row) {
        return row.budget() - elapsed(row, today());
    }

    private Row row(String caseNumber) {
        List<Row> rows = jdbc.query("select * from jz_sla_clock where case_number = ?", ROW, caseNumber);
        if (rows.isEmpty()) {
            throw new IllegalStateException("案件没有计时 / no SLA clock for case " + caseNumber);
        }
        return rows.get(0);
    }

    private Row lock(String caseNumber) {
        List<Row> rows = jdbc.query("select * from jz_sla_clock where case_number = ? for update", ROW, caseNumber);
        if (rows.isEmpty()) {
            throw new IllegalStateException("案件没有计时 / no SLA clock for case " + caseNumber);
        }
        return rows.get(0);
    }

    private void setState(String caseNumber, State state) {
        jdbc.update("update jz_sla_clock set state = ? where case_number = ?", state.name(), caseNumber);
    }

    private void ledger(String caseNumber, String actor, String action, Integer days, String reason, LocalDate oldDeadline,
            LocalDate newDeadline) {
        jdbc.update("insert into jz_sla_ledger (case_number, at, actor, action, working_days, reason, old_deadline,"
                + " new_deadline) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, Timestamp.from(clock.instant()),
                actor == null ? "system" : actor, action, days, reason, oldDeadline, newDeadline);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("必须说明理由 / a reason (and approver) is required");
        }
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
