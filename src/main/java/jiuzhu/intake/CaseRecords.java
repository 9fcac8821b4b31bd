package jiuzhu.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** A line of a township's case list: where the case stands, without the household or any personal data. */
    record CaseSummary(String caseNumber, String assistanceType, CaseStatus status, String villageCode, Instant filedAt,
            String decision) {
    }

    private static final RowMapper<CaseSummary> SUMMARY = (rs, i) -> new CaseSummary(rs.getString("case_number"),
            rs.getString("assistance_type"), CaseStatus.valueOf(rs.getString("status")), rs.getString("village_code"),
            rs.getTimestamp("filed_at").toInstant(), rs.getString("decision"));

    private final JdbcTemplate jdbc;

    CaseRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFile> find(String caseNumber) {
        return jdbc.query("select * from jz_case where case_number = ?", CASE, caseNumber).stream().findFirst();
    }

    /**
     * One page of a township's cases, newest first (filed_at desc, case_number desc). Read in the order of the index
     * jz_case_township_filed or jz_case_township_status_filed (V7), so a page costs its offset plus its size in index
     * entries, not a sort of all the township's cases. The order names the columns fixed by the condition as well:
     * the same order to PostgreSQL, but H2 only picks an index for sorting when the order starts with its first column.
     */
    List<CaseSummary> pageOfTownship(String townshipCode, CaseStatus status, long offset, int size) {
        return jdbc.query("select case_number, assistance_type, status, village_code, filed_at, decision from jz_case"
                + townshipCondition(status) + " order by township_code, " + (status == null ? "" : "status, ")
                + "filed_at desc, case_number desc offset ? rows fetch next ? rows only",
                SUMMARY, townshipArguments(townshipCode, status, offset, size));
    }

    /** How many cases the township has (with the status, when given), counted on the V7 indexes (township_code[, status], ...). */
    long countOfTownship(String townshipCode, CaseStatus status) {
        Long count = jdbc.queryForObject("select count(*) from jz_case" + townshipCondition(status), Long.class,
                townshipArguments(townshipCode, status));
        return count == null ? 0 : count;
    }

    private static String townshipCondition(CaseStatus status) {
        return status == null ? " where township_code = ?" : " where township_code = ? and status = ?";
    }

    private static Object[] townshipArguments(String townshipCode, CaseStatus status, Object... more) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(townshipCode);
        if (status != null) {
            arguments.add(status.name());
        }
        arguments.addAll(List.of(more));
        return arguments.toArray();
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
