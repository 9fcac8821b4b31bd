package jiuzhu.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jiuzhu.org.Unit;
import jiuzhu.org.UnitLevel;
import jiuzhu.system.StartupLock;

/**
 * One Camunda tenant per township (id = the township's division code), so that the engine itself keeps each
 * township's cases apart: a user sees tasks and instances only of the tenants his groups belong to. Members of a
 * township's tenant: the township's group, its head's group, the county above it, the city above that and the
 * managers (read-only Cockpit). Village groups are not members: villages file cases and follow their status through
 * Jiuzhu's API, they work no task. Administrators ({@code camunda-admin}) pass every tenant check, as in Camunda.
 * <p>
 * Brought in line with the registry at every start, under the start-up lock: missing tenants and memberships are
 * added; a membership of a unit's or the managers' group that the registry no longer implies (a township moved to
 * another county) is removed; memberships an administrator gave other groups are left alone. Then cases started
 * before tenants existed get their township's tenant on their runtime rows (see {@link #backfill()}).
 */
@Component
@Order(TownshipTenants.ORDER)
class TownshipTenants implements ApplicationRunner {

    /**
     * After the registry's groups (OrgImport, 0), before the role grants (RoleGrants, 10): on the first start after
     * an upgrade, cases of before get their tenants before staff roles get READ_TASK, which without a tenant would
     * show their tasks to every township.
     */
    static final int ORDER = 5;

    private static final Logger log = LoggerFactory.getLogger(TownshipTenants.class);
    /** Groups whose tenant memberships the registry owns: unit groups, head groups and the managers. */
    private static final Pattern REGISTRY_GROUP = Pattern.compile("[mcthv]\\d+|" + RoleGroup.MANAGERS.groupId());

    /** Runtime tables of the engine with a tenant column, and their process-instance column. */
    private static final Map<String, String> RUNTIME_TABLES = Map.of(
            "act_ru_task", "proc_inst_id_",
            "act_ru_variable", "proc_inst_id_",
            "act_ru_job", "process_instance_id_",
            "act_ru_event_subscr", "proc_inst_id_",
            "act_ru_incident", "proc_inst_id_",
            "act_ru_ext_task", "proc_inst_id_");
    private static final String CASE_INSTANCES = "select p.id_ from act_ru_execution p"
            + " join jz_case c on c.process_instance_id = p.root_proc_inst_id_";

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final StartupLock startupLock;

    TownshipTenants(JdbcTemplate jdbc, IdentityService identityService, StartupLock startupLock) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.startupLock = startupLock;
    }

    record Township(String code, String name, String county, String city) {

        /** The groups the registry makes members of this township's tenant. */
        Set<String> memberGroups() {
            Set<String> groups = new LinkedHashSet<>();
            groups.add(Unit.groupIdOf(UnitLevel.TOWNSHIP, code));
            groups.add(Unit.headGroupOf(code));
            if (county != null) {
                groups.add(Unit.groupIdOf(UnitLevel.COUNTY, county));
            }
            if (city != null) {
                groups.add(Unit.groupIdOf(UnitLevel.CITY, city));
            }
            groups.add(RoleGroup.MANAGERS.groupId());
            return groups;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(() -> {
            sync();
            backfill();
        });
    }

    void sync() {
        RoleGrants.ensureGroups(identityService);
        List<Township> townships = jdbc.query("select t.code, t.name, t.parent_code, c.parent_code from jz_unit t"
                + " left join jz_unit c on c.code = t.parent_code where t.level = 'TOWNSHIP' order by t.code",
                (rs, i) -> new Township(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Map<String, String> tenants = new HashMap<>();
        jdbc.query("select id_, name_ from act_id_tenant", rs -> {
            tenants.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Set<String>> members = new HashMap<>();
        jdbc.query("select tenant_id_, group_id_ from act_id_tenant_member where group_id_ is not null", rs -> {
            members.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        Set<String> groups = new HashSet<>(jdbc.queryForList("select id_ from act_id_group", String.class));
        int added = 0;
        int removed = 0;
        for (Township t : townships) {
            String name = t.name() + "（" + t.code() + "）";
            if (!tenants.containsKey(t.code())) {
                Tenant tenant = identityService.newTenant(t.code());
                tenant.setName(name);
                identityService.saveTenant(tenant);
            } else if (!name.equals(tenants.get(t.code()))) {
                Tenant tenant = identityService.createTenantQuery().tenantId(t.code()).singleResult();
                tenant.setName(name);
                identityService.saveTenant(tenant);
            }
            Set<String> wanted = t.memberGroups();
            Set<String> present = members.getOrDefault(t.code(), Set.of());
            for (String group : wanted) {
                if (!present.contains(group) && groups.contains(group)) {
                    identityService.createTenantGroupMembership(t.code(), group);
                    added++;
                }
            }
            for (String group : present) {
                if (!wanted.contains(group) && REGISTRY_GROUP.matcher(group).matches()) {
                    identityService.deleteTenantGroupMembership(t.code(), group);
                    removed++;
                }
            }
        }
        if (added + removed > 0) {
            log.info("Township tenants: {} townships, {} group memberships added, {} removed", townships.size(), added,
                    removed);
        }
    }

    /**
     * Cases started before their instances had tenants: their runtime rows get the case's township as tenant, so
     * that the tenant check covers them like every newer case. The revision goes up with it, so an engine command
     * that loaded such a row before the update fails on optimistic locking (and is retried) instead of writing
     * the row back without a tenant. History is left as it was: only managers and administrators read it, and
     * they are members of every tenant.
     */
    void backfill() {
        int rows = 0;
        for (Map.Entry<String, String> table : RUNTIME_TABLES.entrySet()) {
            String t = table.getKey();
            String instance = t + "." + table.getValue();
            rows += jdbc.update("update " + t + " set tenant_id_ = (select c.township_code from act_ru_execution p"
                    + " join jz_case c on c.process_instance_id = p.root_proc_inst_id_ where p.id_ = " + instance + "),"
                    + " rev_ = rev_ + 1 where tenant_id_ is null and " + instance + " in (" + CASE_INSTANCES + ")");
        }
        rows += jdbc.update("update act_ru_execution set tenant_id_ = (select c.township_code from jz_case c"
                + " where c.process_instance_id = act_ru_execution.root_proc_inst_id_), rev_ = rev_ + 1"
                + " where tenant_id_ is null and root_proc_inst_id_ in"
                + " (select process_instance_id from jz_case where process_instance_id is not null)");
        if (rows > 0) {
            log.warn("Township tenants: {} runtime rows of cases started before tenants were given their township's"
                    + " tenant", rows);
        }
    }
}
