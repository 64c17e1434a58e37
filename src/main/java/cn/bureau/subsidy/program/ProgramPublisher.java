package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.Money;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.decision.DecisionKeys;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.EngineCaller;

/** Publishes a guide (stage 1): stores the program and starts its lifecycle process. */
@Service
public class ProgramPublisher {

    private static final Set<String> LPR_TERMS = Set.of("1Y", "5Y");
    private static final BigDecimal MAX_FX_RATE = BigDecimal.valueOf(1_000_000);
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+08:00");
    private static final OffsetDateTime LATEST = OffsetDateTime.parse("2101-01-01T00:00:00+08:00");

    private final ProgramRepository programs;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final EngineCaller engine;

    ProgramPublisher(ProgramRepository programs, RuntimeService runtimeService, RepositoryService repositoryService,
            EngineCaller engine) {
        this.programs = programs;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    @Transactional
    public Program publish(ProgramRequest request, Caller publisher) {
        validate(request);
        if (programs.existsByCode(request.code())) {
            throw ApiException.conflict("DUPLICATE_PROGRAM", "A program with code " + request.code() + " exists");
        }
        Program program = programs.save(new Program(request.code(), request.title(), request.supportYear(),
                request.filingOpensAt().toInstant(), request.filingClosesAt().toInstant(),
                request.materialsCloseAt().toInstant(), request.budgetWan(), request.fxRatesToCny(),
                request.lprPercent(), ShenzhenTime.now(), publisher.userId()));
        program.configure(request.categories(), request.decisions());
        String instanceId = engine.call(publisher, () -> runtimeService.startProcessInstanceByKey(ProgramProcess.KEY,
                program.getCode(),
                Variables.createVariables()
                        .putValue(ProgramProcess.VAR_PROGRAM_CODE, program.getCode())
                        .putValue(ProgramProcess.VAR_FILING_OPENS_AT, Date.from(program.getFilingOpensAt()))
                        .putValue(ProgramProcess.VAR_FILING_CLOSES_AT, Date.from(program.getFilingClosesAt()))
                        .putValue(ProgramProcess.VAR_MATERIALS_CLOSE_AT, Date.from(program.getMaterialsCloseAt())))
                .getId());
        program.startedAs(instanceId);
        return program;
    }

    private void validate(ProgramRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        instant(errors, "filingOpensAt", request.filingOpensAt());
        instant(errors, "filingClosesAt", request.filingClosesAt());
        instant(errors, "materialsCloseAt", request.materialsCloseAt());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!request.filingOpensAt().isBefore(request.filingClosesAt())) {
            errors.add(new FieldProblem("filingClosesAt", "WINDOW_ORDER", "Filing must close after it opens"));
        }
        if (request.materialsCloseAt().isBefore(request.filingClosesAt())) {
            errors.add(new FieldProblem("materialsCloseAt", "WINDOW_ORDER",
                    "The materials deadline cannot be before filing closes"));
        }
        if (request.budgetWan().stripTrailingZeros().scale() > 0) {
            errors.add(new FieldProblem("budgetWan", "WHOLE_WAN", "The budget is in whole 万元"));
        }
        for (Map.Entry<String, BigDecimal> rate : request.fxRatesToCny().entrySet()) {
            if (!Money.isKnownCurrency(rate.getKey()) || Money.CNY.equals(rate.getKey())) {
                errors.add(new FieldProblem("fxRatesToCny." + rate.getKey(), "UNKNOWN_CURRENCY",
                        "Not a foreign ISO 4217 currency code"));
            } else if (rate.getValue() == null || rate.getValue().signum() <= 0) {
                errors.add(new FieldProblem("fxRatesToCny." + rate.getKey(), "NOT_POSITIVE", "A rate is positive"));
            } else if (rate.getValue().compareTo(MAX_FX_RATE) >= 0 || decimals(rate.getValue()) > 6) {
                // The column holds six decimals; more would be rounded away silently, a larger rate overflows.
                errors.add(new FieldProblem("fxRatesToCny." + rate.getKey(), "OUT_OF_RANGE",
                        "Yuan per unit: below 1,000,000 with at most six decimals"));
            }
        }
        for (String term : LPR_TERMS) {
            BigDecimal percent = request.lprPercent().get(term);
            if (percent == null) {
                errors.add(new FieldProblem("lprPercent." + term, "REQUIRED", "The " + term + " LPR in percent"));
            } else if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0
                    || decimals(percent) > 4) {
                errors.add(new FieldProblem("lprPercent." + term, "OUT_OF_RANGE",
                        "The " + term + " LPR in percent: above 0, below 100, at most four decimals"));
            }
        }
        request.lprPercent().keySet().stream().filter(term -> !LPR_TERMS.contains(term))
                .forEach(term -> errors.add(new FieldProblem("lprPercent." + term, "UNKNOWN_FIELD",
                        "LPR terms are 1Y and 5Y")));
        if (request.categories() != null && request.categories().stream().distinct().count()
                != request.categories().size()) {
            errors.add(new FieldProblem("categories", "DUPLICATE", "Each category once"));
        }
        if (request.decisions() != null) {
            request.decisions().forEach((role, key) -> {
                if (!DecisionKeys.ROLES.contains(role)) {
                    errors.add(new FieldProblem("decisions." + role, "UNKNOWN_FIELD",
                            "Decision roles are " + String.join(", ", DecisionKeys.ROLES)));
                } else if (key != null && !key.isBlank() && !isDeployed(key)) {
                    errors.add(new FieldProblem("decisions." + role, "UNKNOWN_DECISION",
                            "No decision " + key + " is deployed: add its table to decisions/ and roll it out first"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Dates of a guide fall in the years a support year may name; year +999999999 overflows the database. */
    private static void instant(List<FieldProblem> errors, String field, OffsetDateTime at) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            errors.add(new FieldProblem(field, "OUT_OF_RANGE", "A time in the years 2000 to 2100"));
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private boolean isDeployed(String decisionKey) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count() > 0;
    }
}
