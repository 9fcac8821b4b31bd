package jiuzhu.subsistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import jiuzhu.calendar.WorkingDayCalendar;
import jiuzhu.intake.CaseRecords;

/**
 * Publicity of the preliminary opinion in the household's village (公示): N calendar days from now (公示7天 counts
 * calendar days, holidays included; {@code jiuzhu.subsistence.publicity-days}). Publicity again after an objection is a
 * new round. A case without a village is published at its township.
 */
@Service
class Publicity {

    record Round(String caseNumber, String villageCode, Instant startsAt, Instant endsAt, int round) {
    }

    private final JdbcTemplate jdbc;
    private final CaseRecords cases;
    private final SubsistenceProperties properties;
    private final Clock clock;

    Publicity(JdbcTemplate jdbc, CaseRecords cases, SubsistenceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    Round start(String caseNumber) {
        CaseRecords.CaseFile file = SubsistenceCases.require(cases, caseNumber);
        String place = file.villageCode() != null ? file.villageCode() : file.townshipCode();
        Instant starts = clock.instant();
        Instant ends = starts.atZone(WorkingDayCalendar.ZONE).plusDays(properties.publicityDays()).toInstant();
        Integer last = jdbc.queryForObject("select max(round) from jz_publicity where case_number = ?", Integer.class,
                caseNumber);
        int round = last == null ? 1 : last + 1;
        jdbc.update("insert into jz_publicity (case_number, village_code, starts_at, ends_at, round, objection_count)"
                + " values (?, ?, ?, ?, ?, 0)", caseNumber, place, Timestamp.from(starts), Timestamp.from(ends), round);
        return new Round(caseNumber, place, starts, ends, round);
    }
}
