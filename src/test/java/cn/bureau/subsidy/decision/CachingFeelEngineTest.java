package cn.bureau.subsidy.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/**
 * {@link CachingFeelEngine} answers as Camunda's own Scala FEEL engine: every input entry, input expression and output
 * entry of every table in {@code decisions/}, over values on both sides of every literal the tables hold, gives the
 * same result or fails with the same message; and again when asked a second time, from the cache.
 */
class CachingFeelEngineTest {

    private static final String INPUT = "cellInput";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w\"-])(\\d+(?:\\.\\d+)?)(?![\\w\"-])");
    private static final Pattern NAME = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\b");
    private static final Set<String> FEEL_WORDS = Set.of("null", "true", "false", "not", "date", "and", "time");

    private final FeelEngine stock = new ScalaFeelEngine(List.of());
    private final FeelEngine caching = CachingFeelEngine.FACTORY.createInstance();

    @Test
    void everyEntryOfEveryTableAnswersAsTheStockEngine() {
        Set<String> unaryTests = new TreeSet<>();
        Set<String> expressions = new TreeSet<>();
        for (Path file : FileDecisions.files(FileDecisions.FOLDER)) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            model.getModelElementsByType(InputEntry.class).forEach(entry -> unaryTests.add(entry.getTextContent()));
            model.getModelElementsByType(InputExpression.class)
                    .forEach(input -> expressions.add(input.getText().getTextContent()));
            model.getModelElementsByType(OutputEntry.class).forEach(entry -> expressions.add(entry.getTextContent()));
        }
        unaryTests.remove("");
        expressions.remove("");
        List<Object> values = candidates(unaryTests);
        Set<String> variables = names(unaryTests, expressions);

        int compared = 0;
        Set<Object> outcomes = new LinkedHashSet<>();
        for (int round = 0; round < 2; round++) {
            for (Object value : values) {
                VariableMap context = context(variables, value);
                for (String test : unaryTests) {
                    Object expected = outcome(() -> stock.evaluateSimpleUnaryTests(test, INPUT, context.asVariableContext()));
                    Object actual = outcome(() -> caching.evaluateSimpleUnaryTests(test, INPUT, context.asVariableContext()));
                    assertThat(actual).as("%s with %s = %s", test, INPUT, value).isEqualTo(expected);
                    outcomes.add(expected);
                    compared++;
                }
                for (String expression : expressions) {
                    Object expected = outcome(() -> stock.evaluateSimpleExpression(expression, context.asVariableContext()));
                    Object actual = outcome(() -> caching.evaluateSimpleExpression(expression, context.asVariableContext()));
                    assertThat(actual).as("%s with %s", expression, context).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(unaryTests).as("the tables of decisions/ were read").hasSizeGreaterThan(30);
        assertThat(outcomes).as("the comparison met matches and misses").contains(true, false);
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void aTextThatDoesNotParseFailsAsInTheStockEngineEveryTime() {
        var context = Variables.createVariables().putValue(INPUT, 5).asVariableContext();
        Throwable expected = catchThrowable(() -> stock.evaluateSimpleUnaryTests("< < 3", INPUT, context));
        assertThat(expected).isNotNull();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> caching.evaluateSimpleUnaryTests("< < 3", INPUT, context))
                    .isInstanceOf(expected.getClass())
                    .hasMessage(expected.getMessage());
        }
    }

    @Test
    void aColumnInputChangedInTheSameContextIsReadAgain() {
        VariableMap variables = Variables.createVariables().putValue(INPUT, 5);
        var context = variables.asVariableContext();
        assertThat(caching.evaluateSimpleUnaryTests("< 10", INPUT, context)).isTrue();
        variables.putValue(INPUT, 15);
        assertThat(caching.evaluateSimpleUnaryTests("< 10", INPUT, context)).isFalse();
        variables.putValue(INPUT, null);
        assertThat(caching.evaluateSimpleUnaryTests("null", INPUT, context)).isTrue();
        variables.remove(INPUT);
        assertThat(outcome(() -> caching.evaluateSimpleUnaryTests("< 10", INPUT, context)))
                .isEqualTo(outcome(() -> stock.evaluateSimpleUnaryTests("< 10", INPUT, context)));
    }

    /** null, booleans, each quoted literal, each number and its neighbours, days around each date the tables use. */
    private static List<Object> candidates(Set<String> unaryTests) {
        Set<Object> values = new LinkedHashSet<>(Arrays.asList(null, true, false, 0L, -1L, "OTHER"));
        for (String test : unaryTests) {
            Matcher quoted = QUOTED.matcher(test);
            while (quoted.find()) {
                values.add(quoted.group(1));
            }
            Matcher number = NUMBER.matcher(test.replaceAll("\"[^\"]*\"", ""));
            while (number.find()) {
                BigDecimal figure = new BigDecimal(number.group(1));
                values.addAll(List.of(figure, figure.subtract(BigDecimal.ONE), figure.add(new BigDecimal("0.01")),
                        figure.doubleValue(), figure.longValue()));
            }
        }
        for (String day : List.of("2022-12-31", "2023-01-01", "2025-12-31", "2026-01-01", "2026-06-30", "2026-12-31",
                "2027-01-01")) {
            values.add(Date.from(LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        return new ArrayList<>(values);
    }

    private static Set<String> names(Set<String> unaryTests, Set<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String text : union(unaryTests, expressions)) {
            Matcher name = NAME.matcher(text.replaceAll("\"[^\"]*\"", ""));
            while (name.find()) {
                if (!FEEL_WORDS.contains(name.group(1))) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    /** Every variable the tables name set to the value under test, and the support year's days as the quote sets them. */
    private static VariableMap context(Set<String> variables, Object value) {
        VariableMap context = Variables.createVariables();
        variables.forEach(name -> context.putValue(name, value));
        context.putValue("supportYearStart", day("2026-01-01"));
        context.putValue("supportYearEnd", day("2026-12-31"));
        context.putValue("filingDeadlineDay", day("2026-06-30"));
        context.putValue(INPUT, value);
        return context;
    }

    private static Date day(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }

    /** The value, or the failure's type and message. */
    private static Object outcome(Callable<Object> evaluation) {
        try {
            return evaluation.call();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
