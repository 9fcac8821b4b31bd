package jiuzhu.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jiuzhu's rules for every new deployment, whether from {@code processes/} at start-up or from Camunda Modeler
 * through {@code /engine-rest/deployment/create}: delegate beans exist, {@code historyTimeToLive} is set, no scripts
 * and no {@code camunda:class}, every user task has a candidate group and a form that resolves, and every assistance
 * process (a key with a time limit in {@code jiuzhu.calendar.limits}) carries its SLA warning and breach timers.
 * A rejected deployment names the file, the element and the rule; running instances stay on their version.
 */
@Component
class DeploymentRules extends AbstractProcessEnginePlugin implements Deployer {

    static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    static final List<String> SLA_TIMERS = List.of("Timer_SlaWarning", "Timer_SlaBreached");

    private final ApplicationContext context;
    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    DeploymentRules(ApplicationContext context, Environment environment, JdbcTemplate jdbc) {
        this.context = context;
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, ResourceEntity> resources = deployment.getResources();
        Set<String> forms = formIds(resources.values());
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : resources.values()) {
            if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
                BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
                check(shortName(resource.getName()), model, forms, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProcessEngineException("部署未通过 Jiuzhu 模型规则 / deployment rejected by Jiuzhu's model rules:\n - "
                    + String.join("\n - ", problems));
        }
    }

    void check(String file, BpmnModelInstance model, Set<String> forms, List<String> problems) {
        Set<String> assistanceTypes = Binder.get(environment)
                .bind("jiuzhu.calendar.limits", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of()).keySet();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                continue;
            }
            String ttl = process.getCamundaHistoryTimeToLiveString();
            if (ttl == null || ttl.isBlank()) {
                problems.add(file + " " + process.getId() + ": 未设置 historyTimeToLive / historyTimeToLive is not set");
            }
            if (assistanceTypes.contains(process.getId())) {
                Set<String> ids = new HashSet<>();
                model.getModelElementsByType(FlowElement.class).forEach(e -> ids.add(e.getId()));
                SLA_TIMERS.stream().filter(t -> !ids.contains(t)).forEach(t -> problems.add(file + " " + process.getId()
                        + ": 救助流程缺少时限计时器 " + t + " / an assistance process must have the SLA timer " + t));
            }
        }
        model.getModelElementsByType(ScriptTask.class).forEach(t -> problems.add(where(file, t)
                + "不允许脚本任务 / script tasks are not allowed: put the rule in DMN or a Java bean"));
        model.getModelElementsByType(CamundaScript.class).forEach(s -> problems.add(file + " "
                + ownerId(s) + ": 不允许内联脚本 / inline scripts are not allowed"));
        model.getModelElementsByType(ConditionExpression.class).stream().filter(c -> c.getLanguage() != null)
                .forEach(c -> problems.add(file + " " + ownerId(c) + ": 条件不能是脚本 / conditions must be expressions, not scripts"));
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            delegate(file, task, task.getCamundaClass(), task.getCamundaDelegateExpression(), problems);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            delegate(file, task, task.getCamundaClass(), task.getCamundaDelegateExpression(), problems);
        }
        for (CamundaExecutionListener l : model.getModelElementsByType(CamundaExecutionListener.class)) {
            delegate(file, (BaseElement) l.getParentElement().getParentElement(), l.getCamundaClass(), l.getCamundaDelegateExpression(), problems);
        }
        for (CamundaTaskListener l : model.getModelElementsByType(CamundaTaskListener.class)) {
            delegate(file, (BaseElement) l.getParentElement().getParentElement(), l.getCamundaClass(), l.getCamundaDelegateExpression(), problems);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                problems.add(where(file, task) + "用户任务没有候选组 / a user task needs a candidate group (the unit's queue)");
            }
            form(file, task, task.getCamundaFormRef(), task.getCamundaFormKey(), forms, problems);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                form(file, start, start.getCamundaFormRef(), null, forms, problems);
            }
        }
    }

    private void delegate(String file, BaseElement element, String camundaClass, String expression, List<String> problems) {
        if (camundaClass != null) {
            problems.add(where(file, element) + "不允许 camunda:class，请用 delegateExpression 绑定 Spring bean"
                    + " / camunda:class is not allowed: bind a bean with delegateExpression");
        }
        if (expression == null) {
            return;
        }
        Matcher m = BEAN_EXPRESSION.matcher(expression);
        if (!m.matches()) {
            problems.add(where(file, element) + "delegateExpression 应为 ${beanName} / delegateExpression must be ${beanName}: " + expression);
        } else if (!context.containsBean(m.group(1))) {
            problems.add(where(file, element) + "bean \"" + m.group(1) + "\" 不存在 / no bean named " + m.group(1));
        }
    }

    private void form(String file, BaseElement element, String formRef, String formKey, Set<String> forms, List<String> problems) {
        if (formRef == null && formKey == null) {
            problems.add(where(file, element) + "用户任务没有表单 / a user task needs a form (camunda:formRef)");
            return;
        }
        if (formRef != null && !forms.contains(formRef) && !deployedForm(formRef)) {
            problems.add(where(file, element) + "表单 \"" + formRef + "\" 不在本次部署中，也未曾部署 / form " + formRef
                    + " is neither in this deployment nor deployed before");
        }
    }

    private boolean deployedForm(String formRef) {
        Integer n = jdbc.queryForObject("select count(*) from ACT_RE_CAMFORMDEF where KEY_ = ?", Integer.class, formRef);
        return n != null && n > 0;
    }

    private Set<String> formIds(Collection<ResourceEntity> resources) {
        Set<String> ids = new HashSet<>();
        for (ResourceEntity r : resources) {
            if (r.getName().endsWith(".form")) {
                try {
                    JsonNode id = json.readTree(r.getBytes()).get("id");
                    if (id != null) {
                        ids.add(id.asText());
                    }
                } catch (IOException e) {
                    throw new ProcessEngineException("表单文件无法解析 / form cannot be read: " + shortName(r.getName()), e);
                }
            }
        }
        return ids;
    }

    private static String where(String file, BaseElement element) {
        String name = element.getAttributeValue("name");
        return file + " " + element.getId() + (name == null ? "" : "（" + name + "）") + ": ";
    }

    private static String ownerId(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement b && b.getId() != null) {
                return b.getId();
            }
        }
        return "?";
    }

    private static String shortName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
