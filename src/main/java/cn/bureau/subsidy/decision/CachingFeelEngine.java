package cn.bureau.subsidy.decision;

import java.lang.ref.WeakReference;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.syntaxtree.ValLocalDateTime;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;

import camundajar.impl.scala.Function1;
import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's Scala FEEL engine without the two costs it pays at every evaluation. feel-scala 1.19 parses an input
 * entry again each time a row is tested, and builds the map of its ~150 built-in functions again for every single
 * expression; measured on one thread, a unary test such as {@code < 10} costs 24 µs, 22 of them building built-ins,
 * so a quote of four claims spent most of its time there. Here a parsed expression is kept per text, one function
 * provider serves every evaluation and a date's FEEL value is built once per instant; each evaluation still has a
 * context and a failure collector of its own.
 *
 * <p>The parser, the interpreter, the value mappers (Java and Spin) and the error handling are feel-scala's own, taken
 * from the engine {@link ScalaFeelEngine} builds, so results and failures are the same; {@code CachingFeelEngineTest}
 * evaluates every row of every deployed table both ways. The interpreter classes are feel-scala's internals: a
 * Camunda upgrade must run that test (it does, in {@code mvn verify}).
 */
final class CachingFeelEngine extends ScalaFeelEngine {

    /** Expression texts come from deployed tables and from what-if uploads; past this many the cache starts over. */
    private static final int MAX_CACHED = 10_000;

    /** Builds this engine where the DMN engine would build {@link ScalaFeelEngine}. */
    static final FeelEngineFactory FACTORY = () -> new CachingFeelEngine(List.of());

    private final ValueMapper valueMapper;
    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;
    /** The variables' mapper: a column's input and its name come already mapped. */
    private final ValueMapper variableMapper;
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final ThreadLocal<MappedInput> lastInput = new ThreadLocal<>();

    private CachingFeelEngine(List<FeelCustomFunctionProvider> providers) {
        super(providers);
        valueMapper = feelEngine.valueMapper();
        functions = new FunctionProvider.CompositeFunctionProvider(
                toScalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
        interpreter = new FeelInterpreter(valueMapper);
        variableMapper = new ValPassThrough(valueMapper);
    }

    /** feel-scala's own mappers, after one that gives a date the value feel-scala would, built once. */
    @Override
    protected camundajar.impl.scala.collection.immutable.List<CustomValueMapper> getValueMappers() {
        List<CustomValueMapper> mappers = new ArrayList<>();
        mappers.add(new DateValues());
        mappers.addAll(CollectionConverters.asJava(super.getValueMappers()));
        return toList(mappers);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        return (T) evaluate(parsed, new ContextVariableWrapper(variableContext));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        ContextVariableWrapper context = new ContextVariableWrapper(variableContext);
        Option<Object> input = input(inputVariable, variableContext, context);
        // Both already FEEL values: the input's name and its value.
        ValString name = new ValString(inputVariable);
        VariableProvider cell = new VariableProvider.StaticVariableProvider(input.isEmpty()
                ? new camundajar.impl.scala.collection.immutable.Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), name)
                : new camundajar.impl.scala.collection.immutable.Map.Map2<>(UnaryTests$.MODULE$.inputVariable(), name,
                        inputVariable, input.get()));
        return Boolean.TRUE.equals(evaluate(parsed,
                new VariableProvider.CompositeVariableProvider(toScalaList(cell, context))));
    }

    /**
     * The tested column's input as a FEEL value, mapped once for all the rows it is tested against: the DMN engine
     * tests a column's rows one after the other with the same context, and mapping the value again for each row
     * was a tenth of a quote. The value is read every time and the mapping reused only for the same context and
     * the very same value object. Empty when the context has no such variable (the interpreter then fails as before).
     */
    private Option<Object> input(String name, VariableContext variableContext, ContextVariableWrapper context) {
        Option<Object> raw = context.getVariable(name);
        if (raw.isEmpty()) {
            return raw;
        }
        Object value = raw.get();
        if (value == null) {
            return new Some<>(valueMapper.toVal(null)); // a cleared reference reads null too: never cached
        }
        MappedInput last = lastInput.get();
        if (last != null && last.context().get() == variableContext && last.value().get() == value
                && last.name().equals(name)) {
            return last.mapped();
        }
        Option<Object> mapped = new Some<>(valueMapper.toVal(value));
        lastInput.set(new MappedInput(new WeakReference<>(variableContext), name, new WeakReference<>(value), mapped));
        return mapped;
    }

    /**
     * The last column input mapped on a thread; the context and the value weakly held, so that it keeps no
     * evaluation's variables alive (a value gone reads as null, which is never looked up).
     */
    private record MappedInput(WeakReference<VariableContext> context, String name, WeakReference<Object> value,
            Option<Object> mapped) {
    }

    private ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
            Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(expression);
        if (known != null) {
            return known;
        }
        Either<Failure, ParsedExpression> parsed = parser.apply(expression);
        if (parsed instanceof Left<Failure, ParsedExpression> failed) {
            throw LOGGER.evaluationException(failed.value().message());
        }
        ParsedExpression expressionTree = ((Right<Failure, ParsedExpression>) parsed).value();
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(expression, expressionTree);
        return expressionTree;
    }

    /** As feel-scala's {@code FeelEngine.evaluate}, with the shared function provider in place of a fresh one. */
    private Object evaluate(ParsedExpression parsed, VariableProvider variables) {
        EvalContext context = new EvalContext(variableMapper, variables, functions,
                new EvaluationFailureCollector());
        Val result = interpreter.eval(parsed.expression(), context);
        for (EvaluationFailure failure : CollectionConverters.asJava(context.failureCollector().failures())) {
            if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
                throw LOGGER.evaluationException("Assertion failure on evaluate the expression '" + parsed.text()
                        + "': " + failure.failureMessage());
            }
        }
        String error = result instanceof ValError failed ? failed.error()
                : result instanceof ValFatalError fatal ? fatal.error() : null;
        if (error != null) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error);
        }
        return valueMapper.unpackVal(result);
    }

    /** feel-scala's value mapper, except that a value already mapped (a column's input, its name) is taken as it is. */
    private record ValPassThrough(ValueMapper mapper) implements ValueMapper {

        @Override
        public Val toVal(Object value) {
            return value instanceof Val mapped ? mapped : mapper.toVal(value);
        }

        @Override
        public Object unpackVal(Val value) {
            return mapper.unpackVal(value);
        }
    }

    /**
     * A {@link Date} as feel-scala maps it (a local date-time in the JVM's zone), kept per instant: feel-scala builds
     * the value's map of properties with every conversion, and a table converts the same few days (the support
     * year's bounds, the claim's dates) once for every row it tests them against. Runs before feel-scala's mappers
     * (a higher priority); anything but a plain {@code Date} goes on to them.
     */
    private static final class DateValues implements CustomValueMapper {

        private record Day(long epochMilli, ZoneId zone) {
        }

        private final Map<Day, Option<Val>> known = new ConcurrentHashMap<>();

        @Override
        public Option<Val> toVal(Object value, Function1<Object, Val> innerMapper) {
            if (value == null || value.getClass() != Date.class) {
                return Option.empty();
            }
            ZoneId zone = ZoneId.systemDefault();
            Day day = new Day(((Date) value).getTime(), zone);
            Option<Val> mapped = known.get(day);
            if (mapped == null) {
                if (known.size() >= MAX_CACHED) {
                    known.clear();
                }
                mapped = new Some<>(new ValLocalDateTime(LocalDateTime.ofInstant(((Date) value).toInstant(), zone)));
                known.put(day, mapped);
            }
            return mapped;
        }

        @Override
        public Option<Object> unpackVal(Val value, Function1<Val, Object> innerMapper) {
            return Option.empty();
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void org$camunda$feel$valuemapper$CustomValueMapper$_setter_$priority_$eq(int priority) {
            // The priority is fixed above.
        }
    }
}
