package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.program.Program;

/**
 * The case record as the process moves it: stage, outcome, audited amounts, plan amount, bank account. Other
 * modules change a case only through here.
 */
@Service
@Transactional
public class CaseStages {

    /** The application whose case is starting on this thread, before it is stored ({@link #start}). */
    private static final ThreadLocal<Application> STARTING = new ThreadLocal<>();

    private final ApplicationRepository applications;
    private final CaseQuotes quotes;

    CaseStages(ApplicationRepository applications, CaseQuotes quotes) {
        this.applications = applications;
        this.quotes = quotes;
    }

    /**
     * Starts the case of a new application and then stores the application, once, as the start left it: the stages
     * the diagram entered on the way to its first task and the process instance. The stage listeners of the start
     * find the application here rather than in the database, so its row is inserted with its first stage instead of
     * inserted and updated in the same transaction.
     */
    Application start(Application application, Supplier<String> startCase) {
        STARTING.set(application);
        try {
            application.startedAs(startCase.get());
        } finally {
            STARTING.remove();
        }
        return applications.save(application);
    }

    void enter(String applicationId, String stage, String outcome) {
        find(applicationId).enterStage(stage, outcome);
    }

    public Application find(String applicationId) {
        Application starting = STARTING.get();
        if (starting != null && starting.getId().toString().equals(applicationId)) {
            return starting;
        }
        return applications.findById(UUID.fromString(applicationId))
                .orElseThrow(() -> ApiException.notFound("Case", applicationId));
    }

    public void closeWith(String applicationId, String reason) {
        find(applicationId).closeWith(reason);
    }

    /**
     * Records the audited amount of each claim by position (a position without an amount keeps the claimed one) and
     * quotes the case again on the audited amounts (stage 6).
     */
    public void recordAudit(String applicationId, java.util.Map<Integer, BigDecimal> auditedByPosition) {
        Application application = find(applicationId);
        for (Claim claim : application.getClaims()) {
            BigDecimal audited = auditedByPosition.get(claim.getPosition());
            claim.audited(audited != null ? audited : claim.getAmount());
        }
        quotes.requote(application);
    }

    public void fund(String applicationId, BigDecimal planAmountWan) {
        find(applicationId).fundedWith(planAmountWan);
    }

    public void correctBankAccount(String applicationId, String bank, String accountName, String accountNo) {
        Application application = find(applicationId);
        if (application.isBankAccountCorrected()) {
            throw ApiException.conflict("ALREADY_CORRECTED", "The bank account can be corrected once");
        }
        application.correctBankAccount(bank, accountName, accountNo);
    }

    @Transactional(readOnly = true)
    public List<Application> waitingForPlan(Program program) {
        return applications.findByProgramIdAndStage(program.getId(), CaseProcess.STAGE_AWAITING_PLAN);
    }

    /** Every case filed in the program, whatever its stage, in business-key order. */
    @Transactional(readOnly = true)
    public List<Application> filed(Program program) {
        return applications.findByProgramIdWithClaims(program.getId());
    }

    /** The first {@code limit} cases waiting for the plan, by business key. */
    public List<Application> waitingForPlan(Program program, int limit) {
        return applications.findByProgramIdAndStageOrderByBusinessKey(program.getId(), CaseProcess.STAGE_AWAITING_PLAN,
                PageRequest.of(0, limit));
    }

    public long countWaitingForPlan(Program program) {
        return applications.countByProgramIdAndStage(program.getId(), CaseProcess.STAGE_AWAITING_PLAN);
    }

    @Transactional(readOnly = true)
    public long unsettled(Program program) {
        return applications.countByProgramIdAndStageNotIn(program.getId(), CaseProcess.SETTLED_STAGES);
    }
}
