package jiuzhu.org;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** Read access to the registry for other modules: units by code, the units a member of staff belongs to. */
@Service
public class OrgRegistry {

    private static final RowMapper<Unit> UNIT = (rs, i) -> new Unit(rs.getString("code"),
            UnitLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("parent_code"),
            rs.getBoolean("demo"));
    private static final String COLUMNS = "select code, level, name, parent_code, demo from jz_unit";

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;

    OrgRegistry(JdbcTemplate jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    /** An active unit by its division code. */
    public Optional<Unit> find(String code) {
        return jdbc.query(COLUMNS + " where code = ? and active = true", UNIT, code).stream().findFirst();
    }

    /** The active units directly below a unit. */
    public List<Unit> children(String code) {
        return jdbc.query(COLUMNS + " where parent_code = ? and active = true order by code", UNIT, code);
    }

    /** The units whose groups the user belongs to (usually exactly one). */
    public List<Unit> unitsOf(String userId) {
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).groupType(OrgImport.GROUP_TYPE)
                .list().stream().map(g -> g.getId()).toList();
        if (groupIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", groupIds.stream().map(g -> "?").toList());
        return jdbc.query(COLUMNS + " where group_id in (" + marks + ") and active = true order by code", UNIT,
                groupIds.toArray());
    }

    /** Whether {@code code} is {@code ancestor} itself or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        String current = code;
        while (current != null) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = jdbc.query("select parent_code from jz_unit where code = ?",
                    rs -> rs.next() ? rs.getString(1) : null, current);
        }
        return false;
    }
}
