package jiuzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The county review's forms and element templates against its model. Each user task's formRef names a file in
 * forms/ with that id, in the form schema Tasklist 7.24 renders (16), every input required, no submit button of its
 * own, and the decision's choices exactly the {@link CountyDecision} values (rendering and the conditional reasons
 * field were checked by hand with form-js-viewer 1.8, whose schema version is 16). Each service task names the
 * element template that binds the same bean, asynchronously, so a task placed from Modeler matches the model.
 */
class CountyReviewModelFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode form(String id) throws IOException {
        return JSON.readTree(Path.of("forms", id + ".form").toFile());
    }

    static BpmnModelInstance model() {
        return Bpmn.readModelFromFile(Path.of("processes", "county-exception-review.bpmn").toFile());
    }

    static Map<String, JsonNode> inputs(JsonNode form) {
        return StreamSupport.stream(form.get("components").spliterator(), false)
                .filter(component -> component.has("key"))
                .collect(Collectors.toMap(component -> component.get("key").asText(), component -> component));
    }

    @Test
    void everyUserTaskNamesAFormWithItsIdInTheSchemaTasklistRenders() throws IOException {
        var tasks = model().getModelElementsByType(UserTask.class);
        assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrder("Task_CountyHomeVisit", "Task_CountyReview");
        for (UserTask task : tasks) {
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            JsonNode form = form(task.getCamundaFormRef());
            assertThat(form.get("id").asText()).isEqualTo(task.getCamundaFormRef());
            assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
            assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
            assertThat(form.findValuesAsText("type")).doesNotContain("button");
            assertThat(inputs(form).values()).allSatisfy(input ->
                    assertThat(input.at("/validate/required").asBoolean()).as(input.get("key").asText()).isTrue());
            assertThat(form.findValuesAsText("text")).anySatisfy(text -> assertThat(text).contains("{{caseNumber}}"))
                    .anySatisfy(text -> assertThat(text).contains("assistanceType"))
                    .anySatisfy(text -> assertThat(text).contains("{{escalationReason}}"));
        }
    }

    @Test
    void theReviewFormOffersExactlyTheThreeDecisionsAndAsksForReasonsUnlessApproved() throws IOException {
        Map<String, JsonNode> inputs = inputs(form("county-exception-review"));

        assertThat(inputs).containsOnlyKeys(CountyReview.DECISION, CountyReview.DECISION_REASONS);
        assertThat(inputs.get(CountyReview.DECISION).get("type").asText()).isEqualTo("radio");
        assertThat(inputs.get(CountyReview.DECISION).findValuesAsText("value"))
                .containsExactlyElementsOf(Arrays.stream(CountyDecision.values()).map(Enum::name).toList());
        assertThat(inputs.get(CountyReview.DECISION_REASONS).at("/conditional/hide").asText())
                .isEqualTo("=countyDecision = null or countyDecision = \"APPROVED\"");
    }

    @Test
    void theHomeVisitFormRecordsTheDateTwoOfficersAndTheFindings() throws IOException {
        Map<String, JsonNode> inputs = inputs(form("county-home-visit"));

        assertThat(inputs).containsOnlyKeys("visitDate", "visitOfficer1", "visitOfficer2", "visitFindings");
        assertThat(inputs.get("visitDate").get("subtype").asText()).isEqualTo("date");
        assertThat(inputs.get("visitFindings").get("type").asText()).isEqualTo("textarea");
    }

    @Test
    void everyServiceTaskMatchesTheElementTemplateItNames() throws IOException {
        var tasks = model().getModelElementsByType(ServiceTask.class);
        assertThat(tasks).extracting(ServiceTask::getId)
                .containsExactlyInAnyOrder("Task_RecordCountyDecision", "Task_RemindCountyReviewer");
        Map<String, JsonNode> templates = new HashMap<>();
        for (String file : new String[] {"record-county-decision.json", "remind-county-reviewer.json"}) {
            JsonNode template = JSON.readTree(Path.of("processes", "element-templates", file).toFile());
            templates.put(template.get("id").asText(), template);
        }
        for (ServiceTask task : tasks) {
            JsonNode template = templates.get(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate"));
            assertThat(template).as(task.getId() + " names a template").isNotNull();
            assertThat(template.get("appliesTo").toString()).isEqualTo("[\"bpmn:ServiceTask\"]");
            Map<String, JsonNode> hidden = StreamSupport.stream(template.get("properties").spliterator(), false)
                    .filter(property -> "Hidden".equals(property.get("type").asText()))
                    .collect(Collectors.toMap(property -> property.at("/binding/name").asText(), property -> property.get("value")));
            assertThat(hidden.get("camunda:delegateExpression").asText()).isEqualTo(task.getCamundaDelegateExpression());
            assertThat(hidden.get("camunda:asyncBefore").asBoolean()).isTrue();
            assertThat(task.isCamundaAsyncBefore()).isTrue();
            assertThat(task.getCamundaClass()).isNull();
        }
    }
}
