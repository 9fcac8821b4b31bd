package jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * One broken model per rule is rejected with a message naming the element and the rule; a model that keeps the
 * rules is accepted; the shipped models passed the same rules when the application started. (Through the engine
 * REST API, as Camunda Modeler deploys: ApplicationContractTests.)
 */
@SpringBootTest
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:deployment-rules-tests;DB_CLOSE_DELAY=-1"})
public class DeploymentRulesTests {

    @Autowired
    RepositoryService repository;

    public static final String FORM = """
            {"components":[{"type":"textfield","id":"Field_Note","key":"note","label":"备注"}],"type":"default",
             "id":"rule-test-form","schemaVersion":16}
            """;

    /** A small valid model; each test breaks it in one place. */
    public static String model(String key, String ttl, String serviceTask, String userTaskAttributes, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_RuleTest" targetNamespace="http://jiuzhu/test">
                  <bpmn:process id="%s" name="规则测试" isExecutable="true" %s>
                    <bpmn:startEvent id="Start_Test"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Test" targetRef="Task_Work"/>
                    %s
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Work" targetRef="Task_Fill"/>
                    <bpmn:userTask id="Task_Fill" name="填写" %s/>
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Fill" targetRef="End_Test"/>
                    <bpmn:endEvent id="End_Test"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, ttl, serviceTask, userTaskAttributes, extra);
    }

    public static final String TTL = "camunda:historyTimeToLive=\"180\"";
    public static final String GOOD_SERVICE = "<bpmn:serviceTask id=\"Task_Work\" name=\"计时\" camunda:delegateExpression=\"${stopSlaClock}\"/>";
    public static final String GOOD_USER = "camunda:candidateGroups=\"${townshipGroup}\" camunda:formRef=\"rule-test-form\" camunda:formRefBinding=\"deployment\"";

    void deploy(String bpmn) {
        repository.createDeployment().name("rule-test").addString("rule-test.bpmn", bpmn).addString("rule-test.form", FORM).deploy();
    }

    void rejected(String bpmn, String... expected) {
        assertThatThrownBy(() -> deploy(bpmn)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("rejected by Jiuzhu's model rules").hasMessageContainingAll(expected);
    }

    @Test
    void aModelThatKeepsTheRulesIsAccepted() {
        deploy(model("rule-good", TTL, GOOD_SERVICE, GOOD_USER, ""));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("rule-good").count()).isEqualTo(1);
    }

    @Test
    void aDelegateBeanThatDoesNotExist() {
        rejected(model("rule-bean", TTL, GOOD_SERVICE.replace("stopSlaClock", "noSuchBean"), GOOD_USER, ""),
                "Task_Work（计时）", "no bean named noSuchBean");
    }

    @Test
    void aJavaClassInsteadOfABean() {
        rejected(model("rule-class", TTL, "<bpmn:serviceTask id=\"Task_Work\" camunda:class=\"java.lang.Object\"/>", GOOD_USER, ""),
                "Task_Work", "camunda:class is not allowed");
    }

    @Test
    void noHistoryTimeToLive() {
        rejected(model("rule-ttl", "", GOOD_SERVICE, GOOD_USER, ""), "rule-ttl", "historyTimeToLive is not set");
    }

    @Test
    void aScriptTaskOrAnInlineScript() {
        rejected(model("rule-script", TTL, "<bpmn:scriptTask id=\"Task_Work\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
                GOOD_USER, ""), "Task_Work", "script tasks are not allowed");
        rejected(model("rule-inline", TTL, GOOD_SERVICE.replace("/>", "><bpmn:extensionElements><camunda:executionListener event=\"start\">"
                + "<camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>"),
                GOOD_USER, ""), "Task_Work", "inline scripts are not allowed");
    }

    @Test
    void aUserTaskWithoutCandidateGroupOrForm() {
        rejected(model("rule-group", TTL, GOOD_SERVICE, GOOD_USER.replace("camunda:candidateGroups=\"${townshipGroup}\"", ""), ""),
                "Task_Fill（填写）", "needs a candidate group");
        rejected(model("rule-form", TTL, GOOD_SERVICE, "camunda:candidateGroups=\"${townshipGroup}\"", ""),
                "Task_Fill", "needs a form");
        rejected(model("rule-missing-form", TTL, GOOD_SERVICE, GOOD_USER.replace("rule-test-form", "no-such-form"), ""),
                "Task_Fill", "form no-such-form is neither in this deployment nor deployed before");
    }

    @Test
    void anAssistanceProcessWithoutItsSlaTimers() {
        rejected(model("temporary-relief", TTL, GOOD_SERVICE, GOOD_USER, ""), "temporary-relief",
                "must have the SLA timer Timer_SlaWarning", "must have the SLA timer Timer_SlaBreached");
    }
}
