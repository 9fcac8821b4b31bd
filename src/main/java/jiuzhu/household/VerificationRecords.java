package jiuzhu.household;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Every verification answer a case received, kept with its source: the record a discrepancy review starts from. */
@Service
public class VerificationRecords {

    public record Entry(String caseNumber, Instant at, VerificationResult.Outcome outcome, String findings, String source) {
    }

    static final int MAX_FINDINGS = 4000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    VerificationRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String caseNumber, VerificationResult result) {
        String findings = result.findings().length() > MAX_FINDINGS
                ? result.findings().substring(0, MAX_FINDINGS - 1) + "…" : result.findings();
        jdbc.update("insert into jz_verification (case_number, at, outcome, findings, source) values (?, ?, ?, ?, ?)",
                caseNumber, Timestamp.from(clock.instant()), result.outcome().name(), findings, result.source());
    }

    public List<Entry> ofCase(String caseNumber) {
        return jdbc.query("select * from jz_verification where case_number = ? order by id", (rs, i) -> new Entry(
                rs.getString("case_number"), rs.getTimestamp("at").toInstant(),
                VerificationResult.Outcome.valueOf(rs.getString("outcome")), rs.getString("findings"),
                rs.getString("source")), caseNumber);
    }
}
