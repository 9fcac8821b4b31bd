package jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jiuzhu.system.FeelExpressionCache.CachingScalaFeelEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Text;
import org.junit.jupiter.api.Test;

/**
 * The DMN engine's FEEL engine that parses each text once ({@link FeelExpressionCache}): it must decide exactly as
 * Camunda's, over the project's own decision tables, and really reuse what it parsed.
 */
public class FeelExpressionCacheTest {

    /** How many texts a DMN engine's FEEL engine keeps parsed; -1 if it is not {@link FeelExpressionCache}'s. */
    public static int textsKeptBy(org.camunda.bpm.dmn.feel.impl.FeelEngine feel) {
        return feel instanceof CachingScalaFeelEngine caching ? caching.kept() : -1;
    }

    static VariableContext x(Object value) {
        return Variables.createVariables().putValue("x", value).asVariableContext();
    }

    @Test
    void everyDecisionOfTheProjectDecidesAsWithCamundasFeelEngine() throws IOException {
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration cachingConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        cachingConfiguration.setFeelEngineFactory(() -> new CachingScalaFeelEngine(List.of(), FeelExpressionCache.CAPACITY));
        DmnEngine caching = cachingConfiguration.buildEngine();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("processes"))) {
            files = list.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Random random = new Random(20261129);
        for (Path file : files) {
            Map<String, List<Object>> domains = inputDomains(file);
            List<DmnDecision> theirs = parse(camunda, file);
            List<DmnDecision> ours = parse(caching, file);
            for (int d = 0; d < theirs.size(); d++) {
                Set<String> distinct = new HashSet<>();
                for (int i = 0; i < 500; i++) {
                    Map<String, Object> variables = new HashMap<>();
                    domains.forEach((name, values) -> variables.put(name, values.get(random.nextInt(values.size()))));
                    String expected = outcome(camunda, theirs.get(d), variables);
                    // Twice: the first call parses and keeps, the second evaluates what was kept.
                    assertThat(outcome(caching, ours.get(d), variables)).as("%s %s", theirs.get(d).getKey(), variables)
                            .isEqualTo(expected);
                    assertThat(outcome(caching, ours.get(d), variables)).isEqualTo(expected);
                    distinct.add(expected);
                }
                // Not a comparison of one answer: the inputs reached several rules (and errors) of each table.
                assertThat(distinct).as(theirs.get(d).getKey()).hasSizeGreaterThan(2);
            }
        }
        CachingScalaFeelEngine feel = (CachingScalaFeelEngine) cachingConfiguration.getFeelEngine();
        assertThat(feel.kept()).isGreaterThan(10);
    }

    static List<DmnDecision> parse(DmnEngine engine, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return engine.parseDecisions(in);
        }
    }

    static String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
        try {
            return engine.evaluateDecision(decision, variables).getResultList().toString();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /**
     * Values for each input of the file's tables: null, and by type the literals its rules compare with (numbers
     * one below, at and one above each, strings as written), so that random combinations reach every kind of rule.
     */
    static Map<String, List<Object>> inputDomains(Path file) throws IOException {
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Dmn.readModelFromStream(in);
        }
        Set<Long> numbers = new LinkedHashSet<>(List.of(0L, 1L, -1L));
        Set<String> strings = new LinkedHashSet<>(List.of("", "OTHER"));
        Matcher m;
        for (Text text : model.getModelElementsByType(Text.class)) {
            String t = text.getTextContent();
            for (m = Pattern.compile("(?<![\\w\"])-?\\d+").matcher(t); m.find();) {
                long n = Long.parseLong(m.group());
                numbers.addAll(List.of(n - 1, n, n + 1));
            }
            for (m = Pattern.compile("\"([^\"]*)\"").matcher(t); m.find();) {
                strings.add(m.group(1));
            }
        }
        Map<String, List<Object>> domains = new LinkedHashMap<>();
        for (Input input : model.getModelElementsByType(Input.class)) {
            String name = input.getInputExpression().getText().getTextContent().trim();
            List<Object> values = new ArrayList<>();
            values.add(null);
            switch (String.valueOf(input.getInputExpression().getTypeRef())) {
                case "integer" -> numbers.forEach(n -> values.add((int) n.longValue()));
                case "long" -> values.addAll(numbers);
                case "boolean" -> values.addAll(List.of(true, false));
                default -> values.addAll(strings);
            }
            domains.put(name, values);
        }
        return domains;
    }

    @Test
    void parsesEachTextOnceAndEvaluatesItAgainstEachContext() {
        CachingScalaFeelEngine feel = new CachingScalaFeelEngine(List.of(), 100);

        assertThat(feel.evaluateSimpleUnaryTests("< 10", "x", x(5))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("< 10", "x", x(15))).isFalse();
        assertThat((Object) feel.evaluateSimpleExpression("x + 1", x(5))).isEqualTo(6L);
        assertThat((Object) feel.evaluateSimpleExpression("x + 1", x(41))).isEqualTo(42L);

        assertThat(feel.kept()).isEqualTo(2);
        assertThat(feel.parser().parseExpression("x + 1")).isSameAs(feel.parser().parseExpression("x + 1"));
    }

    @Test
    void aTextThatDoesNotParseFailsEveryTimeWithCamundasMessageAndIsNotKept() {
        CachingScalaFeelEngine feel = new CachingScalaFeelEngine(List.of(), 100);
        ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
        String message = null;
        try {
            camunda.evaluateSimpleUnaryTests("< <", "x", x(1));
        } catch (FeelException e) {
            message = e.getMessage();
        }
        assertThat(message).isNotBlank();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("< <", "x", x(1)))
                    .isInstanceOf(FeelException.class).hasMessage(message);
        }
        assertThat(feel.kept()).isZero();
    }

    @Test
    void startsOverWhenFull() {
        CachingScalaFeelEngine feel = new CachingScalaFeelEngine(List.of(), 3);
        for (int i = 0; i < 4; i++) {
            assertThat((Object) feel.evaluateSimpleExpression("x + " + i, x(1))).isEqualTo(1L + i);
        }
        assertThat(feel.kept()).isEqualTo(1);
        assertThat((Object) feel.evaluateSimpleExpression("x + 0", x(1))).isEqualTo(1L);
        assertThat(feel.kept()).isEqualTo(2);
    }
}
