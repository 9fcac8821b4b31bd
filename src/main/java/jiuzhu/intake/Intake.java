package jiuzhu.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jiuzhu.calendar.WorkingDayCalendar;
import jiuzhu.household.HouseholdRecords;
import jiuzhu.household.HouseholdRecords.NewHousehold;
import jiuzhu.household.HouseholdRecords.NewMember;
import jiuzhu.org.OrgRegistry;
import jiuzhu.org.Unit;
import jiuzhu.org.UnitLevel;
import jiuzhu.security.CaseGrants;
import jiuzhu.system.ApiException;

/**
 * Files an application: checks it, routes it to the township of the household's registration (wherever it was
 * filed), refuses a second open case of the same type for any of its members, numbers it and starts its process,
 * in one transaction: if any step fails nothing of it remains.
 */
@Service
class Intake {

    static final String PROCESS_KEY = "subsistence-allowance";
    static final String CASE_PREFIX = "DB";

    record Filed(String caseNumber, CaseStatus status, String townshipCode, String townshipName, String processInstanceId,
            boolean replayed) {
    }

    private final JdbcTemplate jdbc;
    private final OrgRegistry org;
    private final HouseholdRecords households;
    private final RuntimeService runtime;
    private final Clock clock;
    private final CaseGrants grants;

    Intake(JdbcTemplate jdbc, OrgRegistry org, HouseholdRecords households, RuntimeService runtime, Clock clock,
            CaseGrants grants) {
        this.jdbc = jdbc;
        this.org = org;
        this.households = households;
        this.runtime = runtime;
        this.clock = clock;
        this.grants = grants;
    }

    /** What intake decided for an application: its number, where it goes and the process variables that say so. */
    record Registered(String caseNumber, Unit township, Map<String, Object> variables) {
    }

    /** Files through the API: registers the case and starts its process, in one transaction. */
    @Transactional
    Filed file(ApplicationForm form, String user, List<Unit> userUnits, boolean admin, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Filed> earlier = replay(idempotencyKey, user);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Registered registered = register(form, user, userUnits, admin, idempotencyKey);
        Map<String, Object> variables = new HashMap<>(registered.variables());
        variables.put("intakeChannel", "API");
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, registered.caseNumber(), variables);
        linkProcessInstance(registered.caseNumber(), instance.getProcessInstanceId(), instance.getTenantId(),
                registered.variables());
        return new Filed(registered.caseNumber(), CaseStatus.FILED, registered.township().code(), registered.township().name(),
                instance.getProcessInstanceId(), false);
    }

    /**
     * Ties the case to its instance and lets the case's township and county read that instance in the engine. The
     * instance must belong to the township's tenant (jiuzhu.security.TownshipTenantIds): a case outside it would be
     * readable by every township's staff, so it is refused and the filing rolled back.
     */
    void linkProcessInstance(String caseNumber, String processInstanceId, String tenantId, Map<String, Object> variables) {
        if (!Objects.equals(tenantId, variables.get("unitCode"))) {
            throw new IllegalStateException("案件 " + caseNumber + " 的流程实例不属于其乡镇的租户（" + tenantId + " ≠ "
                    + variables.get("unitCode") + "）/ the instance of case " + caseNumber
                    + " does not belong to its township's tenant");
        }
        jdbc.update("update jz_case set process_instance_id = ? where case_number = ?", processInstanceId, caseNumber);
        grants.routed(processInstanceId, (String) variables.get("townshipGroup"), (String) variables.get("countyGroup"));
    }

    /**
     * Checks, routes, de-duplicates, numbers and stores an application; the caller starts (API) or continues
     * (Tasklist start form) the process. Runs in the caller's transaction.
     */
    Registered register(ApplicationForm form, String user, List<Unit> userUnits, boolean admin, String idempotencyKey) {
        InputProblems problems = new InputProblems();
        ApplicationCheck.Checked checked = ApplicationCheck.check(form, problems);
        Unit servicePoint = null;
        Unit township = null;
        Unit village = null;
        if (problems.isEmpty()) {
            servicePoint = org.find(form.servicePointCode()).orElse(null);
            if (servicePoint == null) {
                problems.add("servicePointCode", "UNKNOWN_UNIT", "受理服务点不存在：" + form.servicePointCode(),
                        "unknown service point " + form.servicePointCode());
            }
            Unit registration = org.find(form.household().registrationCode()).orElse(null);
            if (registration == null || (registration.level() != UnitLevel.VILLAGE && registration.level() != UnitLevel.TOWNSHIP)) {
                problems.add("household.registrationCode", "UNKNOWN_UNIT", "户籍所在乡镇或村（社区）不存在："
                        + form.household().registrationCode(), "unknown township or village " + form.household().registrationCode());
            } else if (registration.level() == UnitLevel.VILLAGE) {
                village = registration;
                township = org.find(registration.parentCode()).orElseThrow();
            } else {
                township = registration;
            }
        }
        problems.throwIfAny();
        if (!admin && userUnits.stream().noneMatch(u -> org.isWithin(form.servicePointCode(), u.code()))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_YOUR_SERVICE_POINT", "只能在本人所在的服务点受理申请",
                    "applications are filed at your own service point");
        }
        refuseDuplicates(checked.members());

        long householdId = households.create(new NewHousehold(form.household().registrationCode(), checked.residence(),
                blankToNull(form.household().address()), form.household().ownsNonEssentialVehicle(), checked.members()));
        String caseNumber = nextCaseNumber();
        jdbc.update("insert into jz_case (case_number, assistance_type, status, township_code, village_code, filed_at_unit,"
                + " filed_by, filed_at, household_id, near_relative, near_relative_note, idempotency_key)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, PROCESS_KEY, CaseStatus.FILED.name(),
                township.code(), village == null ? null : village.code(), servicePoint.code(), user,
                Timestamp.from(clock.instant()), householdId, checked.nearRelative(), blankToNull(checked.nearRelativeNote()),
                idempotencyKey == null ? null : user + ":" + idempotencyKey);
        Map<String, Object> variables = new HashMap<>();
        variables.put("assistanceType", PROCESS_KEY);
        variables.put("unitCode", township.code());
        variables.put("townshipGroup", township.groupId());
        variables.put("townshipHeadGroup", Unit.headGroupOf(township.code()));
        variables.put("countyGroup", Unit.groupIdOf(UnitLevel.COUNTY, township.parentCode()));
        variables.put("nearRelative", checked.nearRelative());
        variables.put("objectionUpheld", false);
        variables.put("complaint", false);
        variables.put("caseByCase", false);
        return new Registered(caseNumber, township, variables);
    }

    private Optional<Filed> replay(String idempotencyKey, String user) {
        return jdbc.query("select c.case_number, c.status, c.township_code, u.name, c.process_instance_id from jz_case c"
                + " join jz_unit u on u.code = c.township_code where c.idempotency_key = ?",
                (rs, i) -> new Filed(rs.getString(1), CaseStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), true), user + ":" + idempotencyKey).stream().findFirst();
    }

    /** Duplicate assistance must be impossible: nobody may be in two open cases of the same type. */
    private void refuseDuplicates(List<NewMember> members) {
        for (NewMember m : members) {
            Integer open = jdbc.queryForObject("select count(*) from jz_member m join jz_case c on c.household_id = m.household_id"
                    + " where m.id_hash = ? and c.assistance_type = ? and c.status in ('FILED', 'INCOMPLETE', 'ACCEPTED', 'APPROVED')",
                    Integer.class, households.lookupHashOf(m.idNumber()), PROCESS_KEY);
            if (open != null && open > 0) {
                throw ApiException.conflict("DUPLICATE_APPLICATION", "家庭成员 " + m.idNumber().masked() + " 已有在办或在保的低保案件",
                        "member " + m.idNumber().masked() + " already has an open subsistence-allowance case");
            }
        }
    }

    /** Numbers per prefix and year without gaps from concurrent filings: the prefix row is the lock. */
    private String nextCaseNumber() {
        int year = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE).getYear();
        jdbc.queryForObject("select prefix from jz_case_prefix where prefix = ? for update", String.class, CASE_PREFIX);
        List<Integer> last = jdbc.queryForList("select last_value from jz_case_number where prefix = ? and number_year = ?",
                Integer.class, CASE_PREFIX, year);
        int next = last.isEmpty() ? 1 : last.get(0) + 1;
        if (last.isEmpty()) {
            jdbc.update("insert into jz_case_number (prefix, number_year, last_value) values (?, ?, ?)", CASE_PREFIX, year, next);
        } else {
            jdbc.update("update jz_case_number set last_value = ? where prefix = ? and number_year = ?", next, CASE_PREFIX, year);
        }
        return String.format("%s-%d-%06d", CASE_PREFIX, year, next);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
