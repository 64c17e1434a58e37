package cn.bureau.subsidy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Each table of {@code decisions/} as the plain standalone DMN engine reads it: it parses, its representative rows
 * answer as the guide says, and it keeps the conventions a process owner relies on in Camunda Modeler.
 */
class DmnTablesTest {

    private static final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void everyDecisionKeepsTheConventions() {
        List<Path> files = FileDecisions.files(FileDecisions.FOLDER);
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("contracting-award.dmn", "eligibility.dmn", "required-materials.dmn",
                        "support-rates.dmn");
        for (Path file : files) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            Dmn.validateModel(model);
            assertThat(model.getDefinitions().getNamespace()).isNotBlank();
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                assertThat(decision.getId()).startsWith("Decision_");
                assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isEqualTo("P3650D");
                assertThat(decision.getName()).as(decision.getId()).isNotBlank();
            }
            for (Input input : model.getModelElementsByType(Input.class)) {
                assertThat(input.getInputExpression().getTypeRef()).as(input.getId()).isNotBlank();
                assertThat(input.getLabel()).as(input.getId()).isNotBlank();
            }
            for (Rule rule : model.getModelElementsByType(Rule.class)) {
                assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
                assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
            }
            assertThat(engine.parseDecisions(model)).isNotEmpty();
        }
    }

    @Test
    void eligibilityTablesCollectAndNameEveryReasonOfTheGuide() {
        DmnModelInstance model = model("eligibility.dmn");
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
        }
        Set<String> codes = new java.util.TreeSet<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            String code = rule.getOutputEntries().iterator().next().getTextContent();
            codes.add(code.replace("\"", ""));
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(EligibilityRulesTest.GUIDE_REASONS);
    }

    @Test
    void applicationEligibility() {
        DmnDecision table = decision("eligibility.dmn", "Decision_ApplicationEligibility");
        Map<String, Object> clean = new HashMap<>(Map.of("registeredInShenzhen", true, "onDishonestyList", false,
                "seriousViolationLast3Years", false, "fiscalArrears", false, "truthfulnessCommitment", true,
                "otherCentralFundingForSameItem", false, "holdsCertificate", true, "reportsStatistics", true,
                "projectKind", "INVESTMENT", "chineseInvestmentUsd", new BigDecimal("1000000")));
        clean.put("contractValueUsd", null);
        assertThat(reasons(table, clean)).isEmpty();

        assertThat(reasons(table, with(clean, "chineseInvestmentUsd", new BigDecimal("999999.99"))))
                .containsExactly("INVESTMENT_BELOW_THRESHOLD");
        assertThat(reasons(table, with(with(clean, "projectKind", "CONTRACTING"), "contractValueUsd", 1_000_000)))
                .isEmpty();
        assertThat(reasons(table, with(with(clean, "projectKind", "DESIGN_CONSULTING"), "contractValueUsd", 499_999)))
                .containsExactly("CONTRACT_BELOW_THRESHOLD");
        // A missing declaration fails like a wrong one; "not(false)" must not match false.
        assertThat(reasons(table, with(clean, "onDishonestyList", null))).containsExactly("SERIOUS_DISHONESTY");
        assertThat(reasons(table, with(clean, "fiscalArrears", true))).containsExactly("FISCAL_ARREARS");
        assertThat(reasons(table, with(clean, "reportsStatistics", null))).containsExactly("STATISTICS_NOT_REPORTED");
        assertThat(levels(table, with(clean, "registeredInShenzhen", false))).containsExactly("APPLICATION");
    }

    @Test
    void claimEligibility() {
        DmnDecision table = decision("eligibility.dmn", "Decision_ClaimEligibility");
        Map<String, Object> loan = new HashMap<>();
        loan.put("category", "LOAN_INTEREST");
        loan.put("loanPrincipalCny", 3_000_000);
        loan.put("paidOn", date(2026, 4, 30));
        loan.put("termMonths", 12);
        loan.put("activeFrom", date(2025, 12, 31));
        loan.put("activeTo", date(2026, 12, 31));
        loan.put("certificateFirstIssuedOn", date(2023, 1, 1));
        loan.put("priorInterestSupportYears", 2);
        loan.put("supportYearStart", date(2025, 1, 1));
        loan.put("supportYearEnd", date(2025, 12, 31));
        loan.put("filingDeadlineDay", date(2026, 4, 30));
        assertThat(reasons(table, loan)).isEmpty();

        assertThat(reasons(table, with(loan, "termMonths", 11))).containsExactly("LOAN_TERM_TOO_SHORT");
        assertThat(reasons(table, with(loan, "paidOn", date(2026, 5, 1)))).containsExactly("PAID_AFTER_DEADLINE");
        assertThat(reasons(table, with(loan, "activeFrom", date(2026, 1, 1))))
                .containsExactly("NOT_ACTIVE_IN_SUPPORT_YEAR");
        assertThat(reasons(table, with(loan, "certificateFirstIssuedOn", date(2022, 12, 31))))
                .containsExactly("PROJECT_FILED_BEFORE_2023");
        assertThat(reasons(table, with(loan, "priorInterestSupportYears", 3)))
                .containsExactly("INTEREST_SUPPORT_EXHAUSTED");
        assertThat(reasons(table, with(loan, "loanPrincipalCny", 2_999_999))).containsExactly("LOAN_BELOW_THRESHOLD");
        assertThat(levels(table, with(loan, "loanPrincipalCny", 2_999_999))).containsExactly("CLAIM");

        Map<String, Object> fees = with(with(with(loan, "category", "PRE_PROJECT_FEES"), "keyDate", date(2025, 6, 1)),
                "serviceContractSignedOn", date(2025, 5, 31));
        assertThat(reasons(table, fees)).isEmpty();
        assertThat(reasons(table, with(fees, "serviceContractSignedOn", date(2025, 6, 1))))
                .containsExactly("SERVICE_CONTRACT_NOT_BEFORE_KEY_DATE");
        assertThat(reasons(table, with(fees, "preProjectFeesSupportedBefore", true)))
                .containsExactly("ALREADY_SUPPORTED");
        assertThat(reasons(table, with(fees, "preProjectFeesSupportedBefore", false))).isEmpty();

        Map<String, Object> zone = with(with(loan, "category", "ZONE_INFRASTRUCTURE"), "zoneConfirmed", true);
        assertThat(reasons(table, zone)).isEmpty();
        assertThat(reasons(table, with(zone, "zoneConfirmed", false))).containsExactly("ZONE_NOT_CONFIRMED");
        assertThat(reasons(table, with(zone, "activeTo", date(2024, 12, 31))))
                .containsExactly("NOT_ACTIVE_IN_SUPPORT_YEAR");
    }

    @Test
    void supportRates() {
        DmnDecision table = decision("support-rates.dmn", "Decision_SupportRates");
        assertThat(single(table, Map.of("category", "PRE_PROJECT_FEES")))
                .containsEntry("ratePercent", 50.0).containsEntry("baseCapPercent", 6.0)
                .containsEntry("baseRule", "PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE");
        assertThat(single(table, Map.of("category", "LOAN_INTEREST")))
                .containsEntry("ratePercent", 50.0).containsEntry("baseRule", "INTEREST_AT_CAPPED_RATE");
        assertThat(single(table, Map.of("category", "INSURANCE_PREMIUM")))
                .containsEntry("ratePercent", 60.0).containsEntry("baseRule", "PAID");
        assertThat(single(table, Map.of("category", "ZONE_INFRASTRUCTURE")))
                .containsEntry("ratePercent", 50.0).containsEntry("baseRule", "PAID");
    }

    @Test
    void interestRateCap() {
        DmnDecision table = decision("support-rates.dmn", "Decision_InterestRateCap");
        Map<String, Object> lpr = Map.of("lpr1YPercent", new BigDecimal("3.0"), "lpr5YPercent", new BigDecimal("3.5"));
        assertThat(single(table, with(with(lpr, "loanCurrency", "CNY"), "termMonths", 60)))
                .containsEntry("capPercent", 3.0).containsEntry("capBasis", "LPR_1Y");
        assertThat(single(table, with(with(lpr, "loanCurrency", "CNY"), "termMonths", 61)))
                .containsEntry("capPercent", 3.5).containsEntry("capBasis", "LPR_5Y");
        assertThat(single(table, with(with(lpr, "loanCurrency", "USD"), "termMonths", 120)))
                .containsEntry("capPercent", 3.0).containsEntry("capBasis", "FOREIGN_CURRENCY_CAP");
    }

    @Test
    void supportLimits() {
        DmnDecision table = decision("support-rates.dmn", "Decision_SupportLimits");
        assertThat(single(table, Map.of())).containsEntry("minimumWan", 5).containsEntry("enterpriseMaximumWan", 1000);
    }

    @Test
    void requiredMaterials() {
        DmnDecision table = decision("required-materials.dmn", "Decision_RequiredMaterials");
        Map<String, Object> none = new HashMap<>();
        none.put("category", null);
        List<String> common = codes(table, none);
        assertThat(common).containsExactly("APPLICATION_FORM", "BUSINESS_LICENCE", "OVERSEAS_INVESTMENT_CERTIFICATE",
                "OVERSEAS_REGISTRATION", "PROJECT_UNDER_WAY_PROOF", "CHINESE_TRANSLATION");
        assertThat(codes(table, Map.of("category", "LOAN_INTEREST"))).containsSubsequence(common)
                .contains("LOAN_INTEREST_PAYMENT_VOUCHERS", "LOAN_DRAWDOWN_NOTICE", "LOAN_CONTRACT",
                        "LOAN_INTEREST_CALCULATION")
                .hasSize(common.size() + 4);
        assertThat(codes(table, Map.of("category", "INSURANCE_PREMIUM"))).hasSize(common.size() + 3);
        assertThat(engine.evaluateDecisionTable(table, Map.of("category", "ZONE_INFRASTRUCTURE")).getResultList())
                .anySatisfy(row -> assertThat(row.get("materialName")).asString().contains("省级境外经贸合作区"));
    }

    private static List<String> reasons(DmnDecision table, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(table, variables).collectEntries("reasonCode");
    }

    private static List<String> levels(DmnDecision table, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(table, variables).collectEntries("level");
    }

    private static List<String> codes(DmnDecision table, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(table, variables).collectEntries("materialCode");
    }

    private static Map<String, Object> single(DmnDecision table, Map<String, Object> variables) {
        DmnDecisionRuleResult entries = engine.evaluateDecisionTable(table, variables).getSingleResult();
        assertThat(entries).as("exactly one row").isNotNull();
        return entries.getEntryMap();
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(name, value);
        return copy;
    }

    /** Camunda 7's DMN {@code date} type is {@link Date}; a calendar day is its midnight in the JVM's zone. */
    private static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static DmnModelInstance model(String file) {
        return Dmn.readModelFromFile(new File(FileDecisions.FOLDER.toFile(), file));
    }

    private static DmnDecision decision(String file, String key) {
        return engine.parseDecision(key, model(file));
    }
}
