package jiuzhu.security;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jiuzhu.org.UnitLevel;

/**
 * Gives every case's process instance the tenant of the township that works it (see {@link TownshipTenants}). The
 * models are deployed once for all townships (shared definitions); the tenant is chosen per instance at its start:
 * <ul>
 * <li>a called instance (the county's exception review) belongs to the tenant of the case that calls it;</li>
 * <li>a case filed through the API starts with {@code unitCode}, its township's code, already decided by intake;</li>
 * <li>a case filed with Tasklist's start form starts with the form's {@code registrationCode}, the household's
 * village or township, whose township intake will route it to a moment later in the same transaction.</li>
 * </ul>
 * Anything else (an unknown code, a process that is not a case) gets no tenant here; intake refuses to link a case
 * to an instance outside its township's tenant ({@code Intake.linkProcessInstance}), so no case runs without one.
 */
@Component
class TownshipTenantIds implements TenantIdProvider {

    /** Reads the registry table itself: OrgRegistry needs the engine, which needs this provider. */
    private final JdbcTemplate jdbc;

    TownshipTenantIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        DelegateExecution caller = ctx.getSuperExecution();
        if (caller != null) {
            return caller.getTenantId();
        }
        if (ctx.getVariables().get("unitCode") instanceof String unitCode) {
            return townshipOf(unitCode);
        }
        if (ctx.getVariables().get("registrationCode") instanceof String registrationCode) {
            return townshipOf(registrationCode.strip());
        }
        return null;
    }

    /** The active township a code names, or the township of the active village it names; otherwise null. */
    private String townshipOf(String code) {
        List<String[]> unit = jdbc.query("select level, parent_code from jz_unit where code = ? and active = true",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, code);
        if (unit.isEmpty()) {
            return null;
        }
        if (UnitLevel.TOWNSHIP.name().equals(unit.get(0)[0])) {
            return code;
        }
        return UnitLevel.VILLAGE.name().equals(unit.get(0)[0]) ? townshipOf(unit.get(0)[1]) : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    /** A decision evaluated by a case keeps the case's tenant in its history (Cockpit's decision views filter on it). */
    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
}
