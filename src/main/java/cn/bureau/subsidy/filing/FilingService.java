package cn.bureau.subsidy.filing;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.Callers;
import cn.bureau.subsidy.identity.EngineCaller;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.PublishedPrograms;

/** Online filing (网上申报, stage 2): checks the window and the body, stores the application, starts its case. */
@Service
public class FilingService {

    private final PublishedPrograms programs;
    private final ApplicationRepository applications;
    private final ApplicationValidator validator;
    private final RuntimeService runtimeService;
    private final CaseQuotes quotes;
    private final CaseStages stages;
    private final EngineCaller engine;
    private final Callers callers;
    private final ApplicationEventPublisher events;

    FilingService(PublishedPrograms programs, ApplicationRepository applications, ApplicationValidator validator,
            RuntimeService runtimeService, CaseQuotes quotes, CaseStages stages, EngineCaller engine,
            Callers callers, ApplicationEventPublisher events) {
        this.programs = programs;
        this.applications = applications;
        this.validator = validator;
        this.runtimeService = runtimeService;
        this.quotes = quotes;
        this.stages = stages;
        this.engine = engine;
        this.callers = callers;
        this.events = events;
    }

    /**
     * Files for the current caller once per idempotency key: the caller's enterprise, an earlier filing with the same
     * key and the new case are read and written in one transaction, one commit a filing. Two requests racing with
     * one key both pass the look-up; the second fails on the key's unique constraint and is rolled back whole.
     */
    @Transactional
    public Application fileOnce(String programCode, ApplicationForm form, String idempotencyKey) {
        Caller caller = callers.current();
        return replay(caller, idempotencyKey).orElseGet(() -> file(programCode, form, caller, idempotencyKey));
    }

    /** The case an earlier request with the same idempotency key filed, if any. */
    @Transactional(readOnly = true)
    public Optional<Application> replay(Caller caller, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty()
                : applications.findByFiledByAndIdempotencyKey(caller.userId(), idempotencyKey).stream().findFirst();
    }

    @Transactional
    public Application file(String programCode, ApplicationForm form, Caller caller, String idempotencyKey) {
        Program program = programs.byCode(programCode)
                .orElseThrow(() -> ApiException.notFound("Program", programCode));
        if (!program.acceptsFilingAt(ShenzhenTime.now())) {
            throw ApiException.conflict("FILING_WINDOW_CLOSED", "Online filing for " + programCode + " is open from "
                    + ShenzhenTime.at(program.getFilingOpensAt()) + " to " + ShenzhenTime.at(program.getFilingClosesAt())
                    + " (逾期不予受理)");
        }
        validator.validate(form, program, true);
        if (!caller.actsFor(form.applicant().uscc())) {
            throw ApiException.forbidden("An applicant files only for its own enterprise (USCC)");
        }
        String businessKey = "%s-%06d".formatted(program.getCode(), applications.nextCaseNumber());
        Application filed = new Application(businessKey, program.getId(), form, ShenzhenTime.now(), caller.userId(),
                idempotencyKey);
        // The case keeps what the deployed decisions said at filing; the audit's amounts replace it later.
        quotes.requote(filed, program);
        Application started = stages.start(filed, () -> engine.call(caller,
                () -> runtimeService.startProcessInstanceByKey(CaseProcess.KEY, businessKey,
                        Variables.createVariables()
                                .putValue(CaseProcess.VAR_APPLICATION_ID, filed.getId().toString())
                                .putValue(CaseProcess.VAR_PROGRAM_CODE, program.getCode())
                                .putValue(CaseProcess.VAR_MATERIALS_CLOSE_AT, Date.from(program.getMaterialsCloseAt())))
                        .getId()));
        events.publishEvent(new CaseFiled(started.getId(), businessKey, caller.userId()));
        return started;
    }
}
