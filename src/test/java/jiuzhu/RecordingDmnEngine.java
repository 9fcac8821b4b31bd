package jiuzhu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The standalone DMN engine (default configuration, FEEL) over one file of {@code processes/}, read from
 * the working tree as a process owner would edit it, that also records which rule of which table matched,
 * so a test can say which row it meant to hit and prove every row is hit by some test case.
 * Not thread-safe: JUnit runs the cases of a class one after another.
 */
public final class RecordingDmnEngine {

    /** A decision table evaluated by the last call, with the ids of the rules that matched. */
    private record Hit(String decisionKey, List<String> ruleIds) {
    }

    private final Path file;
    private final DmnEngine engine;
    private final List<DmnDecision> decisions;
    private final List<Hit> hits = new ArrayList<>();

    public RecordingDmnEngine(Path file) {
        this.file = file;
        DmnDecisionTableEvaluationListener recorder = this::record;
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recorder))
                .buildEngine();
        try (InputStream in = Files.newInputStream(file)) {
            decisions = engine.parseDecisions(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(DmnDecisionTableEvaluationEvent event) {
        hits.add(new Hit(event.getDecisionTable().getKey(),
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList()));
    }

    public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables) {
        hits.clear();
        DmnDecision decision = decisions.stream().filter(d -> d.getKey().equals(decisionKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no decision " + decisionKey + " in " + file));
        return engine.evaluateDecision(decision, variables);
    }

    /** The ids of the rules of {@code decisionKey} that matched in the last {@link #evaluate} call. */
    public List<String> matchedRules(String decisionKey) {
        return hits.stream().filter(h -> h.decisionKey().equals(decisionKey))
                .flatMap(h -> h.ruleIds().stream()).toList();
    }

    /** Every rule id of the decision table {@code decisionKey}, in file order, read with the model API. */
    public List<String> ruleIds(String decisionKey) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        Decision decision = model.getModelElementById(decisionKey);
        DecisionTable table = (DecisionTable) decision.getExpression();
        return table.getRules().stream().map(Rule::getId).toList();
    }
}
