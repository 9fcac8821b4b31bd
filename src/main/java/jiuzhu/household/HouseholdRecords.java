package jiuzhu.household;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Households and members in Jiuzhu's own tables: the case's data, which process variables only point at.
 * Other modules read figures and masked ID numbers; the full number is decrypted only on explicit request.
 */
@Service
public class HouseholdRecords {

    public enum Residence { URBAN, RURAL }

    public enum Relation { APPLICANT, SPOUSE, CHILD, PARENT, SIBLING, GRANDCHILD, GRANDPARENT, OTHER }

    public record NewMember(String name, ResidentIdNumber idNumber, Relation relation, Boolean canWork,
            long monthlyIncomeFen, long financialAssetsFen) {
    }

    public record NewHousehold(String registrationCode, Residence residence, String address,
            boolean ownsNonEssentialVehicle, List<NewMember> members) {
    }

    public record Household(long id, String registrationCode, Residence residence, String address,
            boolean ownsNonEssentialVehicle) {
    }

    public record Member(long id, long householdId, String name, String maskedId, Relation relation,
            LocalDate birthDate, Boolean canWork, long monthlyIncomeFen, long financialAssetsFen) {
    }

    private static final RowMapper<Member> MEMBER = (rs, i) -> new Member(rs.getLong("id"), rs.getLong("household_id"),
            rs.getString("name"), rs.getString("id_masked"), Relation.valueOf(rs.getString("relation")),
            rs.getObject("birth_date", LocalDate.class), (Boolean) rs.getObject("can_work"),
            rs.getLong("monthly_income_fen"), rs.getLong("financial_assets_fen"));

    private final JdbcTemplate jdbc;
    private final PersonalDataProtection protection;

    HouseholdRecords(JdbcTemplate jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public long create(NewHousehold household) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into jz_household (registration_code, residence, address,"
                    + " owns_non_essential_vehicle, created_at) values (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, household.registrationCode());
            ps.setString(2, household.residence().name());
            ps.setString(3, household.address());
            ps.setBoolean(4, household.ownsNonEssentialVehicle());
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        for (NewMember m : household.members()) {
            String number = m.idNumber().value();
            jdbc.update("insert into jz_member (household_id, name, id_hash, id_cipher, id_masked, relation, birth_date,"
                    + " can_work, monthly_income_fen, financial_assets_fen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, m.name(), protection.lookupHash(number), protection.encrypt(number), m.idNumber().masked(),
                    m.relation().name(), m.idNumber().birthDate(), m.canWork(), m.monthlyIncomeFen(), m.financialAssetsFen());
        }
        return id;
    }

    public Optional<Household> find(long id) {
        return jdbc.query("select id, registration_code, residence, address, owns_non_essential_vehicle from jz_household"
                + " where id = ?", (rs, i) -> new Household(rs.getLong(1), rs.getString(2),
                Residence.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)), id).stream().findFirst();
    }

    public List<Member> members(long householdId) {
        return jdbc.query("select * from jz_member where household_id = ? order by id", MEMBER, householdId);
    }

    /** The keyed hash under which a resident ID number is stored, for look-ups across households. */
    public String lookupHashOf(ResidentIdNumber idNumber) {
        return protection.lookupHash(idNumber.value());
    }

    /** The full ID number of a member, for the responsible unit only (the caller checks access and audits). */
    public String idNumberOf(long memberId) {
        return protection.decrypt(jdbc.queryForObject("select id_cipher from jz_member where id = ?", String.class, memberId));
    }
}
