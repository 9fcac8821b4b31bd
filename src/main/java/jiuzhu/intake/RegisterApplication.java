package jiuzhu.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import jiuzhu.org.OrgRegistry;
import jiuzhu.system.ApiException;

/**
 * The Tasklist start form's way in: reads the submitted form ({@code pii…} fields and the household's), files it
 * through the same {@link Intake} as the API, gives the instance its case number as business key and removes the
 * personal fields from the process. A problem stops the start with every problem named (the form shows it).
 */
@Component("registerApplication")
class RegisterApplication implements JavaDelegate {

    static final int MEMBER_SLOTS = 4;

    private final Intake intake;
    private final OrgRegistry org;

    RegisterApplication(Intake intake, OrgRegistry org) {
        this.intake = intake;
        this.org = org;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new ProcessEngineException("申请须由已登录的工作人员提交 / an application must be filed by a signed-in member of staff");
        }
        boolean admin = user.getGroupIds() != null && user.getGroupIds().contains("camunda-admin");
        Intake.Registered registered;
        try {
            registered = intake.register(formOf(execution), user.getUserId(), org.unitsOf(user.getUserId()), admin, null);
        } catch (ApiException e) {
            String details = e.errors().stream().map(Object::toString).collect(Collectors.joining("; "));
            throw new ProcessEngineException(e.getMessage() + (details.isEmpty() ? "" : ": " + details));
        }
        execution.setProcessBusinessKey(registered.caseNumber());
        execution.setVariables(registered.variables());
        execution.getVariableNames().stream().filter(n -> n.startsWith("pii")).toList().forEach(execution::removeVariable);
        intake.linkProcessInstance(registered.caseNumber(), execution.getProcessInstanceId(), execution.getTenantId(),
                registered.variables());
    }

    static ApplicationForm formOf(DelegateExecution e) {
        List<ApplicationForm.MemberForm> members = new ArrayList<>();
        for (int i = 1; i <= MEMBER_SLOTS; i++) {
            String name = text(e, "piiMember" + i + "Name");
            if (name == null && text(e, "piiMember" + i + "IdNumber") == null) {
                continue;
            }
            members.add(new ApplicationForm.MemberForm(name, text(e, "piiMember" + i + "IdNumber"),
                    i == 1 ? "APPLICANT" : text(e, "member" + i + "Relation"), bool(e, "member" + i + "CanWork"),
                    fen(e, "member" + i + "MonthlyIncomeYuan"), fen(e, "member" + i + "FinancialAssetsYuan")));
        }
        return new ApplicationForm("SUBSISTENCE_ALLOWANCE", text(e, "servicePointCode"),
                new ApplicationForm.HouseholdForm(text(e, "registrationCode"), text(e, "residence"), text(e, "address"),
                        bool(e, "ownsNonEssentialVehicle")),
                members, new ApplicationForm.NearRelativeForm(bool(e, "nearRelativeDeclared"), text(e, "nearRelativeNote")));
    }

    private static String text(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    private static Boolean bool(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null ? Boolean.FALSE : Boolean.valueOf(v.toString());
    }

    /** Yuan as the form shows them (a string with up to two decimals), to integer fen; never through double. */
    private static Long fen(DelegateExecution e, String name) {
        String v = text(e, name);
        if (v == null) {
            return 0L;
        }
        try {
            return new BigDecimal(v).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            throw new ProcessEngineException(name + " 金额格式错误（元，最多两位小数）/ amount must be yuan with at most two decimals");
        }
    }
}
