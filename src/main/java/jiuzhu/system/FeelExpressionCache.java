package jiuzhu.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine$;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.util.Either;

/**
 * The DMN engine's FEEL engine, parsing each expression once. Camunda's FEEL engine (feel-scala, through
 * {@link ScalaFeelEngine}) parses a decision table's input expressions and every rule's unary tests again at every
 * evaluation (camunda/feel-scala#1149). This plugin gives the DMN engine Camunda's own FEEL engine with one change:
 * the parsed form of each expression text is kept and reused. Evaluation, value mapping, custom functions, errors
 * and messages stay Camunda's; a text that does not parse is not kept and fails every time, as before. The parsed
 * form is immutable (feel-scala's documented way to evaluate one expression many times), so threads share it.
 *
 * <p>Measured on subsistence-eligibility (with its standard table), one evaluation: 1,540 µs with feel-scala 1.19.3
 * as Camunda 7.24.0 ships it, most of it building the built-in functions again at each evaluation; 150 µs with
 * 1.19.5 (the pom's version, which builds them once); 21 µs with 1.19.5 and this cache.
 *
 * <p>Bounded: at most {@value #CAPACITY} texts per kind; the cache starts over when full (the project's tables hold
 * a few hundred). A redeployed table's new texts are parsed on first use. Legacy FEEL (the JUEL-based engine, engine
 * setting {@code dmnFeelEnableLegacyBehavior}) and a FEEL engine factory set elsewhere are left alone. Off with
 * {@code jiuzhu.feel.keep-parsed: false} (the benchmark's stock configuration).
 */
@Component
@ConditionalOnProperty(name = "jiuzhu.feel.keep-parsed", havingValue = "true", matchIfMissing = true)
class FeelExpressionCache extends AbstractProcessEnginePlugin {

    static final int CAPACITY = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
            DefaultDmnEngineConfiguration decisions = dmn;
            // The engine hands its custom function providers to the DMN configuration before the FEEL engine is made.
            dmn.setFeelEngineFactory(() -> new CachingScalaFeelEngine(decisions.getFeelCustomFunctionProviders(), CAPACITY));
        }
    }

    /** Camunda's {@link ScalaFeelEngine} on a feel-scala engine that keeps what it parsed. */
    static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int capacity) {
            super(functionProviders);
            // Set here, not passed on: Camunda's constructor builds the feel-scala engine before this one's fields exist.
            parser().capacity = capacity;
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
            // As Camunda builds it (FeelEngine.Builder: these two, external functions off, the default clock).
            return new ParsingOnce(functions, valueMapper);
        }

        ParsingOnce parser() {
            return (ParsingOnce) feelEngine;
        }

        /** How many expression texts and unary-test texts are kept. */
        int kept() {
            return parser().expressions.size() + parser().unaryTests.size();
        }
    }

    /** feel-scala's engine; its evaluation methods parse through these two methods, which now remember. */
    static final class ParsingOnce extends FeelEngine {

        final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
        volatile int capacity = CAPACITY;

        ParsingOnce(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
            super(functions, valueMapper, new FeelEngine.Configuration(false), FeelEngine$.MODULE$.defaultClock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return kept(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return kept(unaryTests, expression, super::parseUnaryTests);
        }

        private Either<Failure, ParsedExpression> kept(Map<String, Either<Failure, ParsedExpression>> cache, String text,
                Function<String, Either<Failure, ParsedExpression>> parse) {
            if (text == null) {
                return parse.apply(null);
            }
            Either<Failure, ParsedExpression> parsed = cache.get(text);
            if (parsed == null) {
                parsed = parse.apply(text);
                if (parsed.isRight()) {
                    if (cache.size() >= capacity) {
                        cache.clear();
                    }
                    cache.put(text, parsed);
                }
            }
            return parsed;
        }
    }
}
