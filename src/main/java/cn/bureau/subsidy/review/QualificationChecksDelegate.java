package cn.bureau.subsidy.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.decision.ApplicationFacts;
import cn.bureau.subsidy.decision.ProgramParameters;
import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.CaseFacts;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/**
 * Qualification check (资质审查, stage 7), automated part: compares the enterprise's declarations with the
 * registries, notes every mismatch, and hands the eligibility table the facts as the registries correct them. The
 * next element of the diagram evaluates the program's application-eligibility table (its key in
 * {@code applicationEligibilityDecision}; {@code Decision_ApplicationEligibility} for the 2026 guide) on those facts,
 * so the evaluation is part of the case's history.
 */
@Component("qualificationChecksDelegate")
class QualificationChecksDelegate implements JavaDelegate {

    static final String REGISTRY_FINDINGS = "registryFindings";
    /** The key of the program's application-eligibility table, which the business rule task evaluates. */
    static final String ELIGIBILITY_DECISION = "applicationEligibilityDecision";

    private final CaseStages cases;
    private final ProgramRepository programs;
    private final RegistryEntries registries;
    private final QuoteService quotes;

    QualificationChecksDelegate(CaseStages cases, ProgramRepository programs, RegistryEntries registries,
            QuoteService quotes) {
        this.cases = cases;
        this.programs = programs;
        this.registries = registries;
        this.quotes = quotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Application application = cases.find((String) execution.getVariable(CaseProcess.VAR_APPLICATION_ID));
        Program program = programs.findById(application.getProgramId()).orElseThrow();
        Map<Registry, List<RegistryEntry>> listed = listed(application, ShenzhenTime.today());
        ApplicationFacts declared = CaseFacts.of(application);
        List<String> findings = mismatches(declared.declarations(), listed);
        ApplicationFacts corrected = new ApplicationFacts(declared.applicant(),
                corrected(declared.declarations(), listed), declared.project(), declared.claims());
        // The table's inputs live only until it has been evaluated: the case keeps its facts in its own tables.
        ProgramParameters parameters = CaseFacts.of(program);
        quotes.applicationEligibilityInputs(parameters, corrected)
                .forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
        execution.setVariable(ELIGIBILITY_DECISION, parameters.decisions().applicationEligibility());
        execution.setVariable(REGISTRY_FINDINGS, String.join("\n", findings));
    }

    private Map<Registry, List<RegistryEntry>> listed(Application application, LocalDate today) {
        Map<Registry, List<RegistryEntry>> listed = new EnumMap<>(Registry.class);
        for (RegistryEntry entry : registries.findByUscc(application.getUscc())) {
            if (entry.appliesOn(today, application.getProjectName())) {
                listed.computeIfAbsent(entry.getRegistry(), r -> new ArrayList<>()).add(entry);
            }
        }
        return listed;
    }

    /** Where the registries contradict what the enterprise declared: each is a finding for the auditor. */
    static List<String> mismatches(ApplicationFacts.Declarations declared, Map<Registry, List<RegistryEntry>> listed) {
        List<String> findings = new ArrayList<>();
        mismatch(findings, listed, Registry.SERIOUS_DISHONESTY, declared.onDishonestyList(),
                "declared not on the serious-dishonesty list");
        mismatch(findings, listed, Registry.SERIOUS_VIOLATION, declared.seriousViolationLast3Years(),
                "declared no serious violation in the last three years");
        mismatch(findings, listed, Registry.FISCAL_ARREARS, declared.fiscalArrears(),
                "declared no arrears of fiscal funds");
        mismatch(findings, listed, Registry.CENTRAL_FUNDING, declared.otherCentralFundingForSameItem(),
                "declared no central funds from another channel for this project");
        for (RegistryEntry award : listed.getOrDefault(Registry.PRIOR_AWARD, List.of())) {
            findings.add("PRIOR_AWARD: " + award.describe());
        }
        return findings;
    }

    private static void mismatch(List<String> findings, Map<Registry, List<RegistryEntry>> listed, Registry registry,
            Boolean declaredListed, String declaration) {
        if (!Boolean.TRUE.equals(declaredListed)) {
            for (RegistryEntry entry : listed.getOrDefault(registry, List.of())) {
                findings.add("DECLARATION_MISMATCH: " + declaration + ", but " + entry.describe());
            }
        }
    }

    /** A registry entry outweighs a declaration that says otherwise. */
    private static ApplicationFacts.Declarations corrected(ApplicationFacts.Declarations d,
            Map<Registry, List<RegistryEntry>> listed) {
        return new ApplicationFacts.Declarations(
                Boolean.TRUE.equals(d.onDishonestyList()) || listed.containsKey(Registry.SERIOUS_DISHONESTY),
                Boolean.TRUE.equals(d.seriousViolationLast3Years()) || listed.containsKey(Registry.SERIOUS_VIOLATION),
                Boolean.TRUE.equals(d.fiscalArrears()) || listed.containsKey(Registry.FISCAL_ARREARS),
                Boolean.TRUE.equals(d.otherCentralFundingForSameItem()) || listed.containsKey(Registry.CENTRAL_FUNDING),
                d.reportsStatistics(), d.holdsCertificate(), d.truthfulnessCommitment());
    }
}
