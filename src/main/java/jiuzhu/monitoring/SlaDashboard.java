package jiuzhu.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jiuzhu.calendar.StatutoryCalendar;
import jiuzhu.calendar.WorkingDayCalendar;
import jiuzhu.org.OrgRegistry;
import jiuzhu.org.Unit;
import jiuzhu.security.CaseAccess;
import jiuzhu.system.ApiException;

/**
 * The data behind the managers' SLA views: open cases with their clock, counts of warned and breached cases per
 * county, township and assistance type, and the ranking of townships by on-time rate over a period (from the clock
 * ledger: a decided case was on time when no breach was recorded). Scoped to what the user may see: a township its
 * own cases, a county its townships', the city everything; village assistants see none of it.
 */
@RestController
@RequestMapping({"/api/sla", SlaDashboard.COCKPIT_PATH})
class SlaDashboard {

    /**
     * The same read-only figures for the Cockpit plugin, which runs in the browser's session (Jiuzhu's /api takes HTTP
     * Basic only). GET only: Spring's CSRF protection covers everything else on this path.
     */
    static final String COCKPIT_PATH = "/cockpit-api/sla";

    record ActivityCount(String activityId, long warned, long breached) {
    }

    record OpenCase(String caseNumber, String assistanceType, String townshipCode, String townshipName, String countyCode,
            String countyName, LocalDate deadline, boolean provisional, int remainingWorkingDays, int percentUsed,
            String state, String processInstanceId) {
    }

    record Count(String code, String name, long open, long warned, long breached, long suspended) {
    }

    record Summary(List<Count> byCounty, List<Count> byTownship, List<Count> byType) {
    }

    record Rank(int rank, String townshipCode, String townshipName, String countyName, long decided, long onTime,
            double onTimeRate) {
    }

    private static final String SCOPED_CLOCKS = " from jz_sla_clock s join jz_unit t on t.code = s.unit_code"
            + " join jz_unit c on c.code = t.parent_code where ";

    private final JdbcTemplate jdbc;
    private final OrgRegistry org;
    private final CaseAccess access;
    private final RuntimeService runtime;
    private final StatutoryCalendar calendar;
    private final Clock clock;

    SlaDashboard(JdbcTemplate jdbc, OrgRegistry org, CaseAccess access, RuntimeService runtime, StatutoryCalendar calendar,
            Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.access = access;
        this.runtime = runtime;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** For the diagram overlay: at which activities the warned and breached instances of a definition wait. */
    @GetMapping("/activities")
    List<ActivityCount> activities(@RequestParam String processDefinitionId, Authentication user) {
        Scope scope = scope(user);
        Map<String, long[]> counts = new java.util.TreeMap<>();
        List<Object> args = new ArrayList<>(scope.args());
        List<String[]> clocks = jdbc.query("select s.process_instance_id, s.state" + SCOPED_CLOCKS + scope.sql()
                + " and s.state in ('WARNED', 'BREACHED') and s.process_instance_id is not null",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, args.toArray());
        for (String[] clock : clocks) {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(clock[0])
                    .processDefinitionId(processDefinitionId).singleResult();
            if (instance == null) {
                continue;
            }
            for (String activity : runtime.getActiveActivityIds(clock[0])) {
                long[] c = counts.computeIfAbsent(activity, a -> new long[2]);
                c["WARNED".equals(clock[1]) ? 0 : 1]++;
            }
        }
        return counts.entrySet().stream().map(e -> new ActivityCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    @GetMapping("/cases")
    List<OpenCase> cases(@RequestParam(required = false) String state, Authentication user) {
        Scope scope = scope(user);
        List<Object> args = new ArrayList<>(scope.args());
        String filter = "";
        if (state != null) {
            if (!List.of("RUNNING", "WARNED", "BREACHED", "SUSPENDED").contains(state)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID", "state 应为 RUNNING、WARNED、BREACHED 或 SUSPENDED",
                        "state must be RUNNING, WARNED, BREACHED or SUSPENDED");
            }
            filter = " and s.state = ?";
            args.add(state);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        WorkingDayCalendar days = calendar.current();
        return jdbc.query("select s.case_number, s.assistance_type, t.code, t.name, c.code, c.name, s.deadline,"
                + " s.deadline_provisional, s.state, s.process_instance_id, s.limit_days + s.extension_days" + SCOPED_CLOCKS
                + scope.sql() + " and s.state <> 'STOPPED'" + filter + " order by s.deadline, s.case_number",
                (rs, i) -> {
                    LocalDate deadline = rs.getObject(7, LocalDate.class);
                    int budget = rs.getInt(11);
                    // Working days left: today (if a working day) up to the deadline; negative once breached.
                    int left = deadline.isBefore(today) ? -days.workingDaysBetween(deadline, today.minusDays(1)).count()
                            : days.workingDaysBetween(today.minusDays(1), deadline).count();
                    int percent = budget <= 0 ? 0 : (int) Math.floorDiv((budget - left) * 100L, budget);
                    return new OpenCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), deadline, rs.getBoolean(8), left, percent, rs.getString(9), rs.getString(10));
                }, args.toArray());
    }

    @GetMapping("/summary")
    Summary summary(Authentication user) {
        Scope scope = scope(user);
        return new Summary(counts("c.code", "c.name", scope), counts("t.code", "t.name", scope),
                counts("s.assistance_type", "s.assistance_type", scope));
    }

    @GetMapping("/ranking")
    List<Rank> ranking(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication user) {
        if (to.isBefore(from)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID", "to 不能早于 from", "to must not be before from");
        }
        Scope scope = scope(user);
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
        args.add(Timestamp.from(WorkingDayCalendar.endOfDay(to)));
        args.addAll(scope.args());
        List<Rank> unranked = jdbc.query("select t.code, t.name, c.name, count(*),"
                + " sum(case when exists (select 1 from jz_sla_ledger l where l.case_number = s.case_number and l.action = 'BREACH')"
                + " then 0 else 1 end)" + SCOPED_CLOCKS + "s.state = 'STOPPED' and s.stopped_at >= ? and s.stopped_at < ? and "
                + scope.sql() + " group by t.code, t.name, c.name",
                (rs, i) -> new Rank(0, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        Math.round(rs.getLong(5) * 1000.0 / rs.getLong(4)) / 10.0), args.toArray());
        List<Rank> sorted = unranked.stream().sorted((a, b) -> a.onTimeRate() != b.onTimeRate()
                ? Double.compare(b.onTimeRate(), a.onTimeRate())
                : a.decided() != b.decided() ? Long.compare(b.decided(), a.decided()) : a.townshipCode().compareTo(b.townshipCode()))
                .toList();
        List<Rank> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Rank r = sorted.get(i);
            ranked.add(new Rank(i + 1, r.townshipCode(), r.townshipName(), r.countyName(), r.decided(), r.onTime(), r.onTimeRate()));
        }
        return ranked;
    }

    private List<Count> counts(String codeColumn, String nameColumn, Scope scope) {
        Map<String, Count> counts = new LinkedHashMap<>();
        jdbc.query("select " + codeColumn + ", " + nameColumn + ", s.state, count(*)" + SCOPED_CLOCKS + scope.sql()
                + " and s.state <> 'STOPPED' group by " + codeColumn + ", " + nameColumn + ", s.state order by 1", rs -> {
                    String code = rs.getString(1);
                    Count c = counts.getOrDefault(code, new Count(code, rs.getString(2), 0, 0, 0, 0));
                    long n = rs.getLong(4);
                    String state = rs.getString(3);
                    counts.put(code, new Count(code, c.name(), c.open() + n, c.warned() + ("WARNED".equals(state) ? n : 0),
                            c.breached() + ("BREACHED".equals(state) ? n : 0), c.suspended() + ("SUSPENDED".equals(state) ? n : 0)));
                }, scope.args().toArray());
        return List.copyOf(counts.values());
    }

    record Scope(String sql, List<Object> args) {
    }

    /** The townships whose cases the user may see, as a condition on the township (t) and county (c) rows. */
    private Scope scope(Authentication user) {
        if (access.isAdmin(user)) {
            return new Scope("1 = 1", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Unit unit : org.unitsOf(user.getName())) {
            switch (unit.level()) {
                case CITY -> parts.add("1 = 1");
                case COUNTY -> {
                    parts.add("c.code = ?");
                    args.add(unit.code());
                }
                case TOWNSHIP -> {
                    parts.add("t.code = ?");
                    args.add(unit.code());
                }
                case VILLAGE -> { }
            }
        }
        if (parts.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NO_UNIT_SCOPE", "本账号不属于乡镇、县或市级单位，无法查看时限统计",
                    "only staff of a township, county or the city see SLA figures");
        }
        return new Scope("(" + String.join(" or ", parts) + ")", args);
    }
}
