package jiuzhu.household;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Look-ups by the keyed ID hash, for the verifications: never by the plain number, which is not stored. */
@Component
class MemberLookup {

    /** A member of another household who is also a member of the household asked about. */
    record SharedMember(long otherHouseholdId, String maskedId) {
    }

    private final JdbcTemplate jdbc;

    MemberLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> hashes(long householdId) {
        return jdbc.queryForList("select id_hash from jz_member where household_id = ? order by id", String.class,
                householdId);
    }

    List<SharedMember> inOtherHouseholds(long householdId) {
        return jdbc.query("select household_id, id_masked from jz_member where household_id <> ? and id_hash in"
                + " (select id_hash from jz_member where household_id = ?) order by household_id, id",
                (rs, i) -> new SharedMember(rs.getLong(1), rs.getString(2)), householdId, householdId);
    }
}
