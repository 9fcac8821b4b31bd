package jiuzhu.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistance ledger: grants, their reductions and stops. Payment starts the month after the decision (次月起发放);
 * a household holds at most one running grant per assistance type; every reduction or stop is written down with its
 * reasons and who made it. Dates are Asia/Shanghai dates, amounts fen.
 */
@Service
public class Ledger {

    /** One reduction or stop, as recorded. A stop records a new amount of 0. */
    public record GrantChange(long grantId, Instant at, String actor, long oldAmountFen, long newAmountFen,
            GrantStatus oldStatus, GrantStatus newStatus, String reasons) {
    }

    static final int MAX_REVIEW_INTERVAL_MONTHS = 24;
    static final int MAX_REASONS = 2000;

    private static final RowMapper<Grant> GRANT = (rs, i) -> new Grant(rs.getLong("id"), rs.getString("case_number"),
            rs.getLong("household_id"), rs.getString("assistance_type"), rs.getLong("monthly_amount_fen"),
            rs.getObject("first_month", LocalDate.class), GrantStatus.valueOf(rs.getString("status")),
            rs.getInt("review_interval_months"), rs.getObject("next_review", LocalDate.class));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The first month paid for a decision taken on {@code decidedOn}: the 1st of the following month. */
    public static LocalDate firstMonthAfter(LocalDate decidedOn) {
        return decidedOn.withDayOfMonth(1).plusMonths(1);
    }

    /**
     * Enters a grant, paid from the month after {@code decidedOn}, first reviewed {@code reviewIntervalMonths} after
     * its first month. Asking again for the same case returns the grant already entered (a retried job must not fail
     * on its own earlier success); a running grant of the same type from another case is a duplicate.
     *
     * @throws DuplicateGrantException if the household already has a running grant of this type from another case
     */
    @Transactional
    public Grant grant(String caseNumber, long householdId, String assistanceType, long monthlyAmountFen,
            LocalDate decidedOn, int reviewIntervalMonths, String actor) {
        required(caseNumber, "caseNumber");
        required(assistanceType, "assistanceType");
        if (monthlyAmountFen <= 0) {
            throw new IllegalArgumentException("月保障金额必须大于0 / the monthly amount must be positive, was "
                    + monthlyAmountFen + " (case " + caseNumber + ")");
        }
        if (reviewIntervalMonths < 1 || reviewIntervalMonths > MAX_REVIEW_INTERVAL_MONTHS) {
            throw new IllegalArgumentException("review interval must be 1.." + MAX_REVIEW_INTERVAL_MONTHS
                    + " months, was " + reviewIntervalMonths);
        }
        List<Grant> running = jdbc.query("select * from jz_grant where household_id = ? and assistance_type = ?"
                + " and active_marker = 1 for update", GRANT, householdId, assistanceType);
        for (Grant existing : running) {
            if (existing.caseNumber().equals(caseNumber)) {
                return existing;
            }
            throw duplicate(householdId, assistanceType, existing.caseNumber());
        }
        LocalDate firstMonth = firstMonthAfter(decidedOn);
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("insert into jz_grant (case_number, household_id, assistance_type,"
                        + " monthly_amount_fen, first_month, status, active_marker, review_interval_months, next_review,"
                        + " created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setString(1, caseNumber);
                ps.setLong(2, householdId);
                ps.setString(3, assistanceType);
                ps.setLong(4, monthlyAmountFen);
                ps.setObject(5, firstMonth);
                ps.setString(6, GrantStatus.ACTIVE.name());
                ps.setInt(7, reviewIntervalMonths);
                ps.setObject(8, firstMonth.plusMonths(reviewIntervalMonths));
                ps.setTimestamp(9, now);
                ps.setString(10, actorOrSystem(actor));
                ps.setTimestamp(11, now);
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            // Another node entered a running grant between our check and our insert: the index held.
            throw duplicate(householdId, assistanceType, "?");
        }
        return find(key.getKey().longValue()).orElseThrow();
    }

    /**
     * Lowers a running grant's monthly amount. Reasons are required: the beneficiary gets them in writing.
     *
     * @throws IllegalArgumentException if the new amount is not between 0 and the current amount (exclusive)
     * @throws IllegalStateException if the grant is stopped
     */
    @Transactional
    public Grant reduce(long grantId, long newAmountFen, String reasons, String actor) {
        String why = reasons(reasons);
        Grant grant = lockRunning(grantId);
        if (newAmountFen <= 0 || newAmountFen >= grant.monthlyAmountFen()) {
            throw new IllegalArgumentException("减发后的金额须大于0且低于现金额" + grant.monthlyAmountFen() + "分 / a reduced"
                    + " amount must be above 0 and below the current " + grant.monthlyAmountFen() + " fen, was " + newAmountFen);
        }
        update(grant, newAmountFen, GrantStatus.REDUCED, why, actor);
        return find(grantId).orElseThrow();
    }

    /** Stops a running grant for good; the household may be granted again later under a new case. */
    @Transactional
    public Grant stop(long grantId, String reasons, String actor) {
        String why = reasons(reasons);
        Grant grant = lockRunning(grantId);
        update(grant, 0, GrantStatus.STOPPED, why, actor);
        return find(grantId).orElseThrow();
    }

    /** Sets the date of the next review of a running grant and the interval it was computed with. */
    @Transactional
    public void scheduleReview(long grantId, LocalDate nextReview, int intervalMonths) {
        lockRunning(grantId);
        jdbc.update("update jz_grant set next_review = ?, review_interval_months = ?, updated_at = ? where id = ?",
                nextReview, intervalMonths, Timestamp.from(clock.instant()), grantId);
    }

    public Optional<Grant> find(long grantId) {
        return jdbc.query("select * from jz_grant where id = ?", GRANT, grantId).stream().findFirst();
    }

    /** The grant a case led to (the latest, should a case ever have led to more than one). */
    public Optional<Grant> findByCase(String caseNumber) {
        return jdbc.query("select * from jz_grant where case_number = ? order by id desc", GRANT, caseNumber)
                .stream().findFirst();
    }

    /** The running grants of one assistance type held by any of the given households. */
    public List<Grant> runningGrants(Collection<Long> householdIds, String assistanceType) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", householdIds.stream().map(h -> "?").toList());
        Object[] args = new Object[householdIds.size() + 1];
        args[0] = assistanceType;
        System.arraycopy(householdIds.toArray(), 0, args, 1, householdIds.size());
        return jdbc.query("select * from jz_grant where assistance_type = ? and active_marker = 1 and household_id in ("
                + marks + ") order by id", GRANT, args);
    }

    public List<GrantChange> changes(long grantId) {
        return jdbc.query("select * from jz_grant_change where grant_id = ? order by id", (rs, i) -> new GrantChange(
                rs.getLong("grant_id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getLong("old_amount_fen"), rs.getLong("new_amount_fen"), GrantStatus.valueOf(rs.getString("old_status")),
                GrantStatus.valueOf(rs.getString("new_status")), rs.getString("reasons")), grantId);
    }

    private void update(Grant grant, long newAmountFen, GrantStatus status, String reasons, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        long amount = status == GrantStatus.STOPPED ? grant.monthlyAmountFen() : newAmountFen;
        jdbc.update("update jz_grant set monthly_amount_fen = ?, status = ?, active_marker = ?, updated_at = ? where id = ?",
                amount, status.name(), status.isRunning() ? 1 : null, now, grant.id());
        jdbc.update("insert into jz_grant_change (grant_id, at, actor, old_amount_fen, new_amount_fen, old_status,"
                + " new_status, reasons) values (?, ?, ?, ?, ?, ?, ?, ?)", grant.id(), now, actorOrSystem(actor),
                grant.monthlyAmountFen(), newAmountFen, grant.status().name(), status.name(), reasons);
    }

    private Grant lockRunning(long grantId) {
        Grant grant = jdbc.query("select * from jz_grant where id = ? for update", GRANT, grantId).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no grant " + grantId));
        if (!grant.status().isRunning()) {
            throw new IllegalStateException("救助已停发 / grant " + grantId + " of case " + grant.caseNumber() + " is stopped");
        }
        return grant;
    }

    private static DuplicateGrantException duplicate(long householdId, String type, String otherCase) {
        return new DuplicateGrantException("该家庭已在享受同类救助（案件" + otherCase + "），不得重复救助 / household "
                + householdId + " already receives " + type + " (case " + otherCase + "): duplicate assistance refused");
    }

    private static String reasons(String reasons) {
        if (reasons == null || reasons.isBlank()) {
            throw new IllegalArgumentException("减发或停发须写明理由 / a reduction or stop needs written reasons");
        }
        String text = reasons.strip();
        if (text.length() > MAX_REASONS) {
            // Cutting the reasons short would change what the beneficiary is told; the form keeps them shorter.
            throw new IllegalArgumentException("理由过长 / reasons longer than " + MAX_REASONS + " characters");
        }
        return text;
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static String actorOrSystem(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor;
    }
}
