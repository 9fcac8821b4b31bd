package jiuzhu.subsistence;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngineServices;

import jiuzhu.calendar.WorkingDayCalendar;
import jiuzhu.intake.CaseRecords;
import jiuzhu.system.Actors;

/** Small shared steps of the beans: the case row that must exist, who acts, today's date in Shanghai. */
final class SubsistenceCases {

    private SubsistenceCases() {
    }

    static CaseRecords.CaseFile require(CaseRecords cases, String caseNumber) {
        return cases.find(caseNumber).orElseThrow(() -> new IllegalStateException("案件不存在 / no case " + caseNumber));
    }

    /** The signed-in user, or "system" for timers and asynchronous continuations, which run without one. */
    static String actor(ProcessEngineServices engine) {
        return Actors.userOrSystem(engine);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
    }

    static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
