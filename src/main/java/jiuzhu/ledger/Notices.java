package jiuzhu.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Written notices, one row each, kept as issued: the text is what the applicant received, so it is never cut short
 * (too long is an error) and never changed afterwards. Also records a notice the law wanted by a date that passed.
 */
@Service
public class Notices {

    public record Notice(long id, String caseNumber, NoticeKind kind, String text, Instant issuedAt, String issuedBy,
            LocalDate dueBy) {
    }

    public record Overdue(String caseNumber, NoticeKind kind, LocalDate dueBy, Instant recordedAt, String recordedBy) {
    }

    static final int MAX_TEXT = 4000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Issues a notice and returns its id.
     *
     * @param dueBy the date the applicant must answer by, or by which the notice was due; may be null
     */
    public long issue(String caseNumber, NoticeKind kind, String text, String actor, LocalDate dueBy) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("通知书内容为空 / the notice has no text (case " + caseNumber + ")");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("通知书内容超过" + MAX_TEXT + "字 / the notice text is longer than "
                    + MAX_TEXT + " characters (case " + caseNumber + ")");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into jz_notice (case_number, kind, text, issued_at, issued_by, due_by)"
                    + " values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, caseNumber);
            ps.setString(2, kind.name());
            ps.setString(3, text.strip());
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setString(5, Ledger.actorOrSystem(actor));
            ps.setObject(6, dueBy);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public List<Notice> ofCase(String caseNumber) {
        return jdbc.query("select * from jz_notice where case_number = ? order by id", (rs, i) -> new Notice(
                rs.getLong("id"), rs.getString("case_number"), NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("text"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
                rs.getObject("due_by", LocalDate.class)), caseNumber);
    }

    /** Records that a notice of {@code kind} due by {@code dueBy} had not been issued when that day ended. */
    public void recordOverdue(String caseNumber, NoticeKind kind, LocalDate dueBy, String actor) {
        jdbc.update("insert into jz_notice_overdue (case_number, kind, due_by, recorded_at, recorded_by)"
                + " values (?, ?, ?, ?, ?)", caseNumber, kind.name(), dueBy, Timestamp.from(clock.instant()),
                Ledger.actorOrSystem(actor));
    }

    public List<Overdue> overdueOfCase(String caseNumber) {
        return jdbc.query("select * from jz_notice_overdue where case_number = ? order by id", (rs, i) -> new Overdue(
                rs.getString("case_number"), NoticeKind.valueOf(rs.getString("kind")), rs.getObject("due_by", LocalDate.class),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")), caseNumber);
    }
}
