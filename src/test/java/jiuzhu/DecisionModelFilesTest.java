package jiuzhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.AuthorityRequirement;
import org.camunda.bpm.model.dmn.instance.BusinessKnowledgeModel;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DrgElement;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.InputData;
import org.camunda.bpm.model.dmn.instance.KnowledgeRequirement;
import org.camunda.bpm.model.dmn.instance.KnowledgeSource;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * House rules for every decision file in processes/: DMN 1.3 as Camunda Modeler 5 writes it, a shape for
 * every element of the requirements diagram so Modeler and Cockpit can draw it, a history time to live on
 * every decision (deployment fails without one when it is enforced), Chinese names and an annotation on
 * every rule.
 */
class DecisionModelFilesTest {

    static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String DMNDI13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final Path PROCESSES = Path.of("processes");

    static Stream<Path> decisionFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList().stream();
        }
    }

    @Test
    void theDecisionFilesArePresent() throws IOException {
        assertThat(decisionFiles().map(f -> f.getFileName().toString()))
                .contains("subsistence-eligibility.dmn", "county-escalation.dmn");
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void isDmn13WithAShapeForEveryDrgElementAndAnEdgeForEveryRequirement(Path file) throws IOException {
        DmnModelInstance model = read(file);
        DomElement root = model.getDocument().getRootElement();
        assertThat(root.getNamespaceURI()).isEqualTo(DMN13);

        Set<String> shapes = descendants(root, DMNDI13, "DMNShape").stream()
                .map(s -> s.getAttribute("dmnElementRef")).collect(Collectors.toSet());
        Set<String> edges = descendants(root, DMNDI13, "DMNEdge").stream()
                .map(e -> e.getAttribute("dmnElementRef")).collect(Collectors.toSet());

        List<String> drgElements = new ArrayList<>();
        for (Class<? extends DrgElement> type : List.of(Decision.class, InputData.class, KnowledgeSource.class,
                BusinessKnowledgeModel.class)) {
            model.getModelElementsByType(type).forEach(e -> drgElements.add(e.getId()));
        }
        assertThat(drgElements).isNotEmpty();
        assertThat(shapes).containsAll(drgElements);

        List<String> requirements = new ArrayList<>();
        for (Class<? extends ModelElementInstance> type : List.of(InformationRequirement.class,
                KnowledgeRequirement.class, AuthorityRequirement.class)) {
            model.getModelElementsByType(type).forEach(r -> requirements.add(r.getAttributeValue("id")));
        }
        assertThat(requirements).doesNotContainNull();
        assertThat(edges).containsAll(requirements);
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void everyDecisionHasAHistoryTimeToLiveAndAChineseName(Path file) throws IOException {
        Collection<Decision> decisions = read(file).getModelElementsByType(Decision.class);

        assertThat(decisions).isNotEmpty().allSatisfy(decision -> {
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
            assertThat(decision.getCamundaHistoryTimeToLive()).as(decision.getId()).isPositive();
            assertThat(decision.getName()).as(decision.getId()).matches(".*\\p{IsHan}.*");
            assertThat(decision.getId()).matches("[a-z]+(-[a-z]+)*");
        });
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void everyRuleCarriesAnAnnotationInChinese(Path file) throws IOException {
        Collection<DecisionTable> tables = read(file).getModelElementsByType(DecisionTable.class);

        assertThat(tables).allSatisfy(table -> assertThat(table.getRules()).isNotEmpty().allSatisfy(rule ->
                assertThat(annotation(rule)).as(rule.getId()).matches("(?s).*\\p{IsHan}.*")));
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void theStandaloneEngineParsesEveryDecision(Path file) throws IOException {
        List<DmnDecision> parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine().parseDecisions(in);
        }

        assertThat(parsed).extracting(DmnDecision::getKey).containsExactlyInAnyOrderElementsOf(
                read(file).getModelElementsByType(Decision.class).stream().map(Decision::getId).toList());
    }

    private static String annotation(Rule rule) {
        return rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
    }

    private static DmnModelInstance read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Dmn.readModelFromStream(in); // validates against the DMN 1.3 schema, DMNDI included
        }
    }

    private static List<DomElement> descendants(DomElement element, String namespace, String localName) {
        List<DomElement> found = new ArrayList<>();
        for (DomElement child : element.getChildElements()) {
            if (namespace.equals(child.getNamespaceURI()) && localName.equals(child.getLocalName())) {
                found.add(child);
            }
            found.addAll(descendants(child, namespace, localName));
        }
        return found;
    }
}
