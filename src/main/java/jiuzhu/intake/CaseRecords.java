package jiuzhu.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** The case rows other modules read and update: status and decision; the process keeps only the case number. */
@Service
public class CaseRecords {

    public record CaseFile(String caseNumber, String assistanceType, CaseStatus status, String townshipCode,
            String villageCode, String filedAtUnit, String filedBy, Instant filedAt, long householdId,
            boolean nearRelative, String processInstanceId, String decision, String decisionReasons, String decidedBy,
            Instant decidedAt) {
    }

    static final RowMapper<CaseFile> CASE = (rs, i) -> new CaseFile(rs.getString("case_number"),
            rs.getString("assistance_type"), CaseStatus.valueOf(rs.getString("status")), rs.getString("township_code"),
            rs.getString("village_code"), rs.getString("filed_at_unit"), rs.getString("filed_by"),
            rs.getTimestamp("filed_at").toInstant(), rs.getLong("household_id"), rs.getBoolean("near_relative"),
            rs.getString("process_instance_id"), rs.getString("decision"), rs.getString("decision_reasons"),
            rs.getString("decided_by"), rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());

    private final JdbcTemplate jdbc;

    CaseRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFile> find(String caseNumber) {
        return jdbc.query("select * from jz_case where case_number = ?", CASE, caseNumber).stream().findFirst();
    }

    public void setStatus(String caseNumber, CaseStatus status) {
        if (jdbc.update("update jz_case set status = ? where case_number = ?", status.name(), caseNumber) != 1) {
            throw new IllegalStateException("案件不存在 / no case " + caseNumber);
        }
    }

    public void recordDecision(String caseNumber, String decision, String reasons, String decidedBy, Instant at) {
        CaseStatus status = "APPROVED".equals(decision) ? CaseStatus.APPROVED : CaseStatus.REFUSED;
        if (jdbc.update("update jz_case set status = ?, decision = ?, decision_reasons = ?, decided_by = ?, decided_at = ?"
                + " where case_number = ?", status.name(), decision, reasons, decidedBy, Timestamp.from(at), caseNumber) != 1) {
            throw new IllegalStateException("案件不存在 / no case " + caseNumber);
        }
    }
}
