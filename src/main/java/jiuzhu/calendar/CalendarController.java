package jiuzhu.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jiuzhu.security.CaseAccess;
import jiuzhu.system.ApiException;

/**
 * The calendar over HTTP: any signed-in user may ask whether a day is a working day and when N working days from
 * a date end; administrators load a new year (upload or reload from the configured folder).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final int MAX_WORKING_DAYS = 250;

    record WorkingDayAnswer(LocalDate date, boolean known, boolean workingDay, DayKind kind) {
    }

    record DeadlineAnswer(LocalDate from, int workingDays, LocalDate deadline, boolean provisional) {
    }

    record ReloadAnswer(SortedSet<Integer> knownYears, SortedSet<Integer> newlyKnownYears) {
    }

    private final StatutoryCalendar calendar;
    private final CaseAccess access;

    CalendarController(StatutoryCalendar calendar, CaseAccess access) {
        this.calendar = calendar;
        this.access = access;
    }

    @GetMapping("/working-day")
    WorkingDayAnswer workingDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        DayInfo day = calendar.current().describe(date);
        return new WorkingDayAnswer(day.date(), day.known(), day.workingDay(), day.kind());
    }

    @GetMapping("/deadline")
    DeadlineAnswer deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam int workingDays) {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID",
                    "workingDays 应为1至" + MAX_WORKING_DAYS, "workingDays must be 1.." + MAX_WORKING_DAYS);
        }
        Deadline deadline = calendar.current().addWorkingDays(from, workingDays);
        return new DeadlineAnswer(from, workingDays, deadline.date(), deadline.provisional());
    }

    @PutMapping(path = "/years/{year}", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    ReloadAnswer upload(@PathVariable int year, @RequestBody byte[] yaml, Authentication user) {
        requireAdmin(user);
        SortedSet<Integer> added = calendar.store(year, yaml, user.getName());
        return new ReloadAnswer(calendar.current().knownYears(), added);
    }

    @PostMapping("/reload")
    ReloadAnswer reload(Authentication user) {
        requireAdmin(user);
        SortedSet<Integer> added = calendar.reload(user.getName());
        return new ReloadAnswer(calendar.current().knownYears(), added);
    }

    private void requireAdmin(Authentication user) {
        if (!access.isAdmin(user)) {
            throw ApiException.forbidden();
        }
    }
}
