package jiuzhu;

import java.lang.reflect.Constructor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Jiuzhu's tables on a private in-memory H2 database migrated by Flyway, with the few rows the foreign keys need
 * (units, households, cases), for service tests that need no engine and no Spring context. Services whose
 * constructors are package-private are built by {@link #construct}, as Spring builds them.
 */
public final class TestDatabase {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TestDatabase() {
    }

    public static JdbcTemplate migrated(String name) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).table("jz_schema_history").locations("classpath:db/migration")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        unit(jdbc, "371400", "CITY", null);
        unit(jdbc, "371402", "COUNTY", "371400");
        unit(jdbc, "371402001", "TOWNSHIP", "371402");
        unit(jdbc, "371402001001", "VILLAGE", "371402001");
        return jdbc;
    }

    public static void unit(JdbcTemplate jdbc, String code, String level, String parent) {
        jdbc.update("merge into jz_unit (code, level, name, parent_code, group_id, demo, active, updated_at)"
                + " key (code) values (?, ?, ?, ?, ?, true, true, ?)", code, level, "单位" + code, parent,
                jiuzhu.org.UnitLevel.valueOf(level).groupPrefix() + code, Timestamp.from(Instant.now()));
    }

    /** A household without members (tests that need members use HouseholdRecords). */
    public static long household(JdbcTemplate jdbc) {
        jdbc.update("insert into jz_household (registration_code, residence, address, owns_non_essential_vehicle,"
                + " created_at) values ('371402001001', 'URBAN', '测试地址', false, ?)", Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from jz_household", Long.class);
    }

    public static void caseRow(JdbcTemplate jdbc, String caseNumber, long householdId) {
        jdbc.update("insert into jz_case (case_number, assistance_type, status, township_code, village_code,"
                + " filed_at_unit, filed_by, filed_at, household_id, near_relative) values (?, 'subsistence-allowance',"
                + " 'ACCEPTED', '371402001', '371402001001', '371402001', 'clerk1', ?, ?, false)", caseNumber,
                Timestamp.from(Instant.now()), householdId);
    }

    /** A clock that reads the given supplier, so a test can move time. */
    public static Clock clock(Supplier<Instant> now) {
        return new Clock() {
            public ZoneId getZone() { return SHANGHAI; }
            public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
            public Instant instant() { return now.get(); }
        };
    }

    /** Builds a service through its package-private constructor (the one with as many parameters as given). */
    public static <T> T construct(Class<T> type, Object... args) {
        try {
            Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                    .filter(c -> c.getParameterCount() == args.length).findFirst().orElseThrow();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
