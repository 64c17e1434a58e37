package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.decision.Quote.ClaimQuote;
import cn.bureau.subsidy.decision.Quote.Explanation;
import cn.bureau.subsidy.decision.Quote.Figure;
import cn.bureau.subsidy.decision.Quote.FiredRule;
import cn.bureau.subsidy.identity.EngineCaller;

/**
 * Quotes an application against a program: which conditions of guide §4 it fails, and how much each claim gets under
 * guide §5, up to the enterprise cap and before any budget scaling.
 *
 * <p>The conditions, rates, caps and limits are the deployed DMN tables of {@code decisions/}, evaluated with the
 * standalone DMN engine (a quote writes no history), so a process owner's redeployment changes the next quote. Java
 * only derives inputs (USD- and CNY-equivalents at the program's rates, the filing deadline's calendar day in
 * Shenzhen, the support year's first and last day) and does the arithmetic.
 */
@Service
public class QuoteService {

    static final String APPLICATION_ELIGIBILITY = "Decision_ApplicationEligibility";
    static final String CLAIM_ELIGIBILITY = "Decision_ClaimEligibility";
    static final String SUPPORT_RATES = "Decision_SupportRates";
    static final String INTEREST_RATE_CAP = "Decision_InterestRateCap";
    static final String SUPPORT_LIMITS = "Decision_SupportLimits";
    static final String REQUIRED_MATERIALS = "Decision_RequiredMaterials";

    static final String APPLICATION_LEVEL = "APPLICATION";
    static final String BELOW_MINIMUM_SUPPORT = "BELOW_MINIMUM_SUPPORT";

    private static final String WAN = "万元";

    /**
     * The inputs every claim table gets from the claim itself and the program; a claim's further facts cannot take
     * these names (nor {@code amount} or {@code loanPrincipal}, whose converted forms they are).
     */
    public static final Set<String> STANDARD_CLAIM_INPUTS = Set.of("category", "amount", "amountCny", "amountUsd",
            "loanPrincipal", "loanPrincipalCny", "keyDate", "serviceContractSignedOn", "paidOn",
            "preProjectFeesSupportedBefore", "termMonths", "activeFrom", "activeTo", "certificateFirstIssuedOn",
            "priorInterestSupportYears", "zoneConfirmed", "supportYearStart", "supportYearEnd", "filingDeadlineDay",
            "annualRatePercent");

    private final DecisionSource decisions;

    @Autowired
    QuoteService(RepositoryService repositoryService, EngineCaller engine, DecisionDeployments deployments) {
        this(new DeployedDecisions(repositoryService, engine, new DmnTables(), deployments));
    }

    QuoteService(DecisionSource decisions) {
        this.decisions = decisions;
    }

    /**
     * A quote service that reads the decisions of these DMN files where they define a key, and the deployed ones
     * otherwise: what the program's cases would get if the files were rolled out. Nothing is deployed.
     *
     * @param dmnFiles file name to content
     * @throws ApiException 400 {@code INVALID_DMN} naming the file that does not parse
     */
    public QuoteService withChangedDecisions(Map<String, byte[]> dmnFiles) {
        return new QuoteService(new ChangedDecisions(decisions, dmnFiles, new DmnTables()));
    }

    public Quote quote(ProgramParameters program, ApplicationFacts facts) {
        requireWhatDecisionsNeed(facts);
        Tables tables = new Tables(decisions, program.decisions());
        Fx fx = new Fx(program.fxRatesToCny());
        ApplicationFacts.Project project = facts.project();

        Map<String, Object> applicationInputs = applicationInputs(facts, project, fx);
        LinkedHashSet<String> applicationReasons = new LinkedHashSet<>();
        List<FiredRule> applicationRules = new ArrayList<>();
        List<String> claimLevelFromApplication = new ArrayList<>();
        for (Hit hit : tables.applicationEligibility.evaluate(applicationInputs)) {
            applicationRules.add(fired(tables.applicationEligibility, hit));
            (isApplicationLevel(hit) ? applicationReasons : claimLevelFromApplication).add(reasonOf(hit));
        }

        LocalDate supportYearStart = LocalDate.of(program.supportYear(), 1, 1);
        LocalDate supportYearEnd = LocalDate.of(program.supportYear(), 12, 31);
        LocalDate filingDeadlineDay = ShenzhenTime.dateOf(program.filingClosesAt());
        int count = facts.claims().size();
        List<Map<String, Object>> claimInputs = new ArrayList<>();
        List<Map<String, Object>> claimVariables = new ArrayList<>();
        List<List<FiredRule>> claimRules = new ArrayList<>();
        List<LinkedHashSet<String>> claimReasons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApplicationFacts.Claim claim = facts.claims().get(i);
            Map<String, Object> variables = claimInputs(claim, project, fx, "claims[" + i + "]");
            variables.put("supportYearStart", supportYearStart);
            variables.put("supportYearEnd", supportYearEnd);
            variables.put("filingDeadlineDay", filingDeadlineDay);
            factInputs(claim, fx, "claims[" + i + "].facts").forEach(variables::putIfAbsent);
            claimVariables.add(variables);
            LinkedHashSet<String> reasons = new LinkedHashSet<>(claimLevelFromApplication);
            List<FiredRule> rules = new ArrayList<>();
            for (Hit hit : tables.claimEligibility.evaluate(variables)) {
                rules.add(fired(tables.claimEligibility, hit));
                (isApplicationLevel(hit) ? applicationReasons : reasons).add(reasonOf(hit));
            }
            Map<String, Object> explained = new LinkedHashMap<>(variables);
            explained.put("amount", claim.amount());
            if (claim.is(SupportCategory.LOAN_INTEREST)) {
                explained.put("loanPrincipal", claim.loanPrincipal());
                explained.put("annualRatePercent", claim.annualRatePercent());
            }
            claimInputs.add(explained);
            claimRules.add(rules);
            claimReasons.add(reasons);
        }

        SupportLimits limits = limits(tables.supportLimits);
        List<BigDecimal> uncapped = new ArrayList<>();
        List<List<Figure>> claimFigures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Figure> figures = new ArrayList<>();
            BigDecimal wan = BigDecimal.ZERO;
            if (!applicationReasons.isEmpty()) {
                figures.add(new Figure("support in 万元", wan, WAN, "not computed: the application fails "
                        + String.join(", ", applicationReasons)));
            } else if (!claimReasons.get(i).isEmpty()) {
                figures.add(new Figure("support in 万元", wan, WAN, "not computed: the claim fails "
                        + String.join(", ", claimReasons.get(i))));
            } else {
                SupportCalculator.Result result = calculate(tables, program, facts.claims().get(i), project, fx,
                        "claims[" + i + "]", claimVariables.get(i), claimRules.get(i), limits);
                figures.addAll(result.figures());
                wan = result.wan();
                if (result.belowMinimum()) {
                    claimReasons.get(i).add(BELOW_MINIMUM_SUPPORT);
                }
            }
            uncapped.add(wan);
            claimFigures.add(figures);
        }

        UniformReduction.Result capped = UniformReduction.apply(uncapped, limits.enterpriseMaximumWan(),
                limits.minimumWan());
        List<Figure> applicationFigures = new ArrayList<>();
        applicationFigures.add(new Figure("total before the enterprise cap",
                uncapped.stream().reduce(BigDecimal.ZERO, BigDecimal::add), WAN, "sum of the claims"));
        applicationFigures.add(new Figure("enterprise maximum", limits.enterpriseMaximumWan(), WAN,
                tables.supportLimits.key()));
        for (UniformReduction.Round round : capped.rounds()) {
            if (round.scaled()) {
                applicationFigures.add(new Figure("enterprise cap ratio",
                        round.ceiling().divide(round.sumIn(), 6, RoundingMode.DOWN), "",
                        "r = " + round.ceiling().toPlainString() + " / " + round.sumIn().toPlainString()
                                + "; each claim floor(amount × " + round.ceiling().toPlainString() + " / "
                                + round.sumIn().toPlainString() + ")"
                                + (round.dropped().isEmpty() ? "" : "; fell below the minimum: claims "
                                        + round.dropped())));
            }
        }

        List<ClaimQuote> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal before = uncapped.get(i);
            BigDecimal after = capped.amounts().get(i);
            List<Figure> figures = claimFigures.get(i);
            if (after.compareTo(before) != 0) {
                figures.add(new Figure("after the enterprise cap", after, WAN, capExplanation(i, before, after,
                        capped)));
                if (after.signum() == 0) {
                    claimReasons.get(i).add(BELOW_MINIMUM_SUPPORT);
                }
            }
            claims.add(new ClaimQuote(facts.claims().get(i).category(), after.signum() > 0,
                    List.copyOf(claimReasons.get(i)), after, before,
                    new Explanation(claimInputs.get(i), claimRules.get(i), figures)));
        }
        BigDecimal total = capped.total();
        applicationFigures.add(new Figure("total", total, WAN, "after the enterprise cap, before budget scaling"));

        Map<String, Object> explainedInputs = new LinkedHashMap<>(applicationInputs);
        explainedInputs.put("supportYear", program.supportYear());
        explainedInputs.put("filingDeadlineDay", filingDeadlineDay);
        explainedInputs.put("fxRatesToCny", program.fxRatesToCny());
        explainedInputs.put("lprPercent", program.lprPercent());
        explainedInputs.put("decisionDefinitions", tables.definitionIds());
        return new Quote(total.signum() > 0, List.copyOf(applicationReasons), claims, total,
                new Explanation(explainedInputs, applicationRules, applicationFigures));
    }

    private static String capExplanation(int index, BigDecimal before, BigDecimal after,
            UniformReduction.Result capped) {
        for (UniformReduction.Round round : capped.rounds()) {
            String ratio = round.ceiling().toPlainString() + " / " + round.sumIn().toPlainString();
            if (round.dropped().contains(index)) {
                return before.toPlainString() + " × " + ratio + " truncated falls below the minimum → 0";
            }
        }
        UniformReduction.Round last = capped.rounds().get(capped.rounds().size() - 1);
        return "floor(" + before.toPlainString() + " × " + last.ceiling().toPlainString() + " / "
                + last.sumIn().toPlainString() + ") = " + after.toPlainString();
    }

    /**
     * The inputs {@code Decision_ApplicationEligibility} takes for these facts, for a business rule task that
     * evaluates it inside a case (its evaluation then joins the case's history).
     */
    public Map<String, Object> applicationEligibilityInputs(ProgramParameters program, ApplicationFacts facts) {
        requireWhatDecisionsNeed(facts);
        return applicationInputs(facts, facts.project(), new Fx(program.fxRatesToCny()));
    }

    /** The few facts without which no table can decide; everything else a table checks and names. */
    private static void requireWhatDecisionsNeed(ApplicationFacts facts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (facts.project() == null) {
            problems.add(new FieldProblem("project", "REQUIRED", "The project is required"));
        } else if (facts.project().kind() == null) {
            problems.add(new FieldProblem("project.kind", "REQUIRED", "The project kind is required"));
        }
        for (int i = 0; i < facts.claims().size(); i++) {
            ApplicationFacts.Claim claim = facts.claims().get(i);
            if (claim == null || claim.category() == null) {
                problems.add(new FieldProblem("claims[" + i + "].category", "REQUIRED", "The category is required"));
            }
            if (claim == null || claim.amount() == null) {
                problems.add(new FieldProblem("claims[" + i + "].amount", "REQUIRED", "The amount is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    /**
     * The materials checklist of guide 六 for an application with claims in these categories: the basic materials
     * first, then each category's, in table order.
     */
    public List<RequiredMaterial> requiredMaterials(Set<SupportCategory> categories) {
        return requiredMaterials(DecisionKeys.DEFAULTS, categories.stream().map(Enum::name).toList());
    }

    /**
     * The materials checklist of a program's {@code requiredMaterials} table: the rows for no category first, then
     * each category's; the 2026 guide's categories in their order, others by name.
     */
    public List<RequiredMaterial> requiredMaterials(DecisionKeys keys, Collection<String> categories) {
        LoadedDecision table = decisions.latest(keys.requiredMaterials());
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("category", null);
        List<RequiredMaterial> materials = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Hit hit : table.evaluate(none)) {
            if (codes.add(string(hit.output("materialCode")))) {
                materials.add(material(hit, RequiredMaterial.ALL));
            }
        }
        List<String> ordered = new ArrayList<>(new TreeSet<>(categories));
        ordered.sort(Comparator.comparingInt(QuoteService::guideOrder));
        for (String category : ordered) {
            for (Hit hit : table.evaluate(Map.of("category", category))) {
                if (codes.add(string(hit.output("materialCode")))) {
                    materials.add(material(hit, category));
                }
            }
        }
        return List.copyOf(materials);
    }

    private static int guideOrder(String category) {
        for (SupportCategory known : SupportCategory.values()) {
            if (known.name().equals(category)) {
                return known.ordinal();
            }
        }
        return SupportCategory.values().length;
    }

    /** The minimum per claim and the maximum per enterprise, from the deployed {@code Decision_SupportLimits}. */
    public SupportLimits supportLimits() {
        return supportLimits(DecisionKeys.DEFAULTS);
    }

    /** The minimum per claim and the maximum per enterprise, from the program's {@code supportLimits} table. */
    public SupportLimits supportLimits(DecisionKeys keys) {
        return limits(decisions.latest(keys.supportLimits()));
    }

    private SupportCalculator.Result calculate(Tables tables, ProgramParameters program, ApplicationFacts.Claim claim,
            ApplicationFacts.Project project, Fx fx, String field, Map<String, Object> claimVariables,
            List<FiredRule> rules, SupportLimits limits) {
        // The whole claim goes in: the 2026 rates read the category only, a tiered award also the amounts.
        Hit rate = single(tables.supportRates, claimVariables);
        rules.add(fired(tables.supportRates, rate));
        BigDecimal capPercent = null;
        String capBasis = null;
        if (claim.is(SupportCategory.LOAN_INTEREST)) {
            String loanCurrency = claim.loanPrincipal() != null ? claim.loanPrincipal().currency()
                    : claim.amount().currency();
            Map<String, Object> capInputs = new LinkedHashMap<>();
            capInputs.put("loanCurrency", loanCurrency);
            capInputs.put("termMonths", claim.termMonths());
            capInputs.put("lpr1YPercent", program.lprPercent().get(ProgramParameters.LPR_1Y));
            capInputs.put("lpr5YPercent", program.lprPercent().get(ProgramParameters.LPR_5Y));
            Hit cap = single(tables.interestRateCap, capInputs);
            rules.add(fired(tables.interestRateCap, cap));
            capPercent = decimal(cap.output("capPercent"));
            capBasis = string(cap.output("capBasis"));
            if (capPercent == null) {
                throw ApiException.conflict("PROGRAM_INCOMPLETE", "The program gives no rate for the interest cap "
                        + capBasis + " (lprPercent " + ProgramParameters.LPR_1Y + " / " + ProgramParameters.LPR_5Y + ")");
            }
        }
        ProjectKind kind = project.kind();
        MoneyAmount projectValue = kind == ProjectKind.INVESTMENT ? project.chineseInvestment() : project.contractValue();
        String projectValueWhat = kind == ProjectKind.INVESTMENT
                ? "the Chinese-side investment"
                : "the contract value";
        String projectField = kind == ProjectKind.INVESTMENT ? "project.chineseInvestment" : "project.contractValue";
        String baseRule = string(rate.output("baseRule"));
        BigDecimal projectValueCny = SupportCalculator.PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE.equals(baseRule)
                ? fx.toCny(projectValue, projectField)
                : null;
        if (projectValue != null && projectValueCny != null && !"CNY".equals(projectValue.currency())) {
            projectValueWhat += " " + projectValue.amount().toPlainString() + " " + projectValue.currency() + " × "
                    + fx.rateOf(projectValue.currency(), projectField).toPlainString();
        }
        SupportCalculator.Claim input = new SupportCalculator.Claim(claim.amount(),
                fx.rateOf(claim.amount().currency(), field + ".amount"), fx.toCny(claim.amount(), field + ".amount"),
                projectValueCny, projectValueWhat, claim.annualRatePercent());
        SupportCalculator.Rule rule = new SupportCalculator.Rule(decimal(rate.output("ratePercent")), baseRule,
                decimal(rate.output("baseCapPercent")), capPercent, capBasis, decimal(rate.output("awardWan")),
                tables.supportRates.key());
        return SupportCalculator.calculate(input, rule, limits.minimumWan());
    }

    private Map<String, Object> applicationInputs(ApplicationFacts facts, ApplicationFacts.Project project, Fx fx) {
        ApplicationFacts.Declarations declarations = facts.declarations() != null
                ? facts.declarations()
                : new ApplicationFacts.Declarations(null, null, null, null, null, null, null);
        String uscc = facts.applicant() == null ? null : facts.applicant().uscc();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("uscc", uscc);
        inputs.put("registeredInShenzhen", Uscc.isRegisteredInShenzhen(uscc));
        inputs.put("onDishonestyList", declarations.onDishonestyList());
        inputs.put("seriousViolationLast3Years", declarations.seriousViolationLast3Years());
        inputs.put("fiscalArrears", declarations.fiscalArrears());
        inputs.put("truthfulnessCommitment", declarations.truthfulnessCommitment());
        inputs.put("otherCentralFundingForSameItem", declarations.otherCentralFundingForSameItem());
        inputs.put("holdsCertificate", declarations.holdsCertificate());
        inputs.put("reportsStatistics", declarations.reportsStatistics());
        inputs.put("projectKind", project.kind() == null ? null : project.kind().name());
        // Only the figure the project's kind is measured by: a stray amount in an unrated currency refuses nothing.
        boolean investment = project.kind() == ProjectKind.INVESTMENT;
        inputs.put("contractValueUsd", investment ? null : fx.toUsd(project.contractValue(), "project.contractValue"));
        inputs.put("chineseInvestmentUsd",
                investment ? fx.toUsd(project.chineseInvestment(), "project.chineseInvestment") : null);
        return inputs;
    }

    private static Map<String, Object> claimInputs(ApplicationFacts.Claim claim, ApplicationFacts.Project project,
            Fx fx, String field) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("category", claim.category());
        inputs.put("amountCny", fx.toCny(claim.amount(), field + ".amount"));
        inputs.put("amountUsd", fx.hasUsd() ? fx.toUsd(claim.amount(), field + ".amount") : null);
        inputs.put("loanPrincipalCny", fx.toCny(claim.loanPrincipal(), field + ".loanPrincipal"));
        inputs.put("keyDate", project.keyDate());
        inputs.put("serviceContractSignedOn", claim.serviceContractSignedOn());
        inputs.put("paidOn", claim.paidOn());
        inputs.put("preProjectFeesSupportedBefore", project.preProjectFeesSupportedBefore());
        inputs.put("termMonths", claim.termMonths());
        inputs.put("activeFrom", claim.activeFrom());
        inputs.put("activeTo", claim.activeTo());
        inputs.put("certificateFirstIssuedOn", project.certificateFirstIssuedOn());
        inputs.put("priorInterestSupportYears", project.priorInterestSupportYears());
        inputs.put("zoneConfirmed", claim.zoneConfirmed());
        return inputs;
    }

    /**
     * A claim's further facts as table inputs under their own names; an amount of money as {@code <name>Cny} and
     * {@code <name>Usd} at the program's rates. They never replace a standard input of the same name.
     */
    private static Map<String, Object> factInputs(ApplicationFacts.Claim claim, Fx fx, String field) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        claim.facts().forEach((name, value) -> {
            if (value instanceof MoneyAmount money) {
                inputs.put(name + "Cny", fx.toCny(money, field + "." + name));
                inputs.put(name + "Usd", fx.hasUsd() ? fx.toUsd(money, field + "." + name) : null);
            } else {
                inputs.put(name, value);
            }
        });
        return inputs;
    }

    private static boolean isApplicationLevel(Hit hit) {
        return APPLICATION_LEVEL.equalsIgnoreCase(String.valueOf(hit.output("level")).strip());
    }

    private static String reasonOf(Hit hit) {
        Object code = hit.output("reasonCode");
        if (code == null) {
            throw new IllegalStateException("Eligibility row " + hit.ruleId() + " gives no reasonCode");
        }
        return code.toString();
    }

    private static Hit single(LoadedDecision table, Map<String, Object> inputs) {
        List<Hit> hits = table.evaluate(inputs);
        if (hits.size() != 1) {
            throw new IllegalStateException(table.key() + " (" + table.definitionId() + ") matched " + hits.size()
                    + " rows for " + inputs + "; it must match exactly one");
        }
        return hits.get(0);
    }

    private static SupportLimits limits(LoadedDecision table) {
        Hit hit = single(table, Map.of());
        return new SupportLimits(decimal(hit.output("minimumWan")), decimal(hit.output("enterpriseMaximumWan")));
    }

    private static RequiredMaterial material(Hit hit, String appliesTo) {
        return new RequiredMaterial(string(hit.output("materialCode")), string(hit.output("materialName")), appliesTo);
    }

    private static FiredRule fired(LoadedDecision table, Hit hit) {
        return new FiredRule(table.key(), table.definitionId(), hit.ruleId(), hit.annotation(), hit.outputs());
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return new BigDecimal(value.toString().strip());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** The tables one quote uses, looked up once so that a quote never mixes two versions of a table. */
    private static final class Tables {

        final LoadedDecision applicationEligibility;
        final LoadedDecision claimEligibility;
        final LoadedDecision supportRates;
        final LoadedDecision interestRateCap;
        final LoadedDecision supportLimits;

        Tables(DecisionSource source, DecisionKeys keys) {
            applicationEligibility = source.latest(keys.applicationEligibility());
            claimEligibility = source.latest(keys.claimEligibility());
            supportRates = source.latest(keys.supportRates());
            interestRateCap = source.latest(keys.interestRateCap());
            supportLimits = source.latest(keys.supportLimits());
        }

        Map<String, String> definitionIds() {
            Map<String, String> ids = new LinkedHashMap<>();
            for (LoadedDecision table : List.of(applicationEligibility, claimEligibility, supportRates,
                    interestRateCap, supportLimits)) {
                ids.put(table.key(), table.definitionId());
            }
            return ids;
        }
    }
}
