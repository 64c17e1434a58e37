package cn.bureau.subsidy.filing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.decision.ApplicationFacts;
import cn.bureau.subsidy.decision.DecisionKeys;
import cn.bureau.subsidy.decision.MoneyAmount;
import cn.bureau.subsidy.decision.ProgramParameters;
import cn.bureau.subsidy.decision.ProjectKind;
import cn.bureau.subsidy.program.Program;

/** What the decisions are asked about: a body as filed, a stored case (with audited amounts), a program. */
public final class CaseFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";

    private CaseFacts() {
    }

    public static ProgramParameters of(Program program) {
        return new ProgramParameters(program.getSupportYear(), program.getFilingClosesAt(),
                program.getFxRatesToCny(), program.getLprPercent(), DecisionKeys.of(program.getDecisions()));
    }

    static ApplicationFacts of(ApplicationForm form) {
        var d = form.declarations();
        var p = form.project();
        return new ApplicationFacts(
                new ApplicationFacts.Applicant(form.applicant().uscc(), form.applicant().name()),
                new ApplicationFacts.Declarations(d.onDishonestyList(), d.seriousViolationLast3Years(),
                        d.fiscalArrears(), d.otherCentralFundingForSameItem(), d.reportsStatistics(),
                        d.holdsCertificate(), d.truthfulnessCommitment()),
                new ApplicationFacts.Project(p.name(), ProjectKind.valueOf(p.kind().name()), p.hostCountry(),
                        p.certificateNo(), p.certificateFirstIssuedOn(), p.keyDate(),
                        MoneyAmount.from(p.chineseInvestment()), MoneyAmount.from(p.contractValue()),
                        p.preProjectFeesSupportedBefore(), p.priorInterestSupportYears()),
                form.claims().stream().map(c -> new ApplicationFacts.Claim(c.category(),
                        MoneyAmount.from(c.amount()), c.paidOn(), c.serviceContractSignedOn(),
                        MoneyAmount.from(c.loanPrincipal()), c.termMonths(), c.annualRatePercent(), c.activeFrom(),
                        c.activeTo(), c.zoneConfirmed(), facts(c.facts()))).toList());
    }

    /** The stored case; a claim the special audit recorded counts with its audited amount. */
    public static ApplicationFacts of(Application a) {
        return new ApplicationFacts(
                new ApplicationFacts.Applicant(a.getUscc(), a.getEnterpriseName()),
                new ApplicationFacts.Declarations(a.isOnDishonestyList(), a.isSeriousViolation3y(),
                        a.isFiscalArrears(), a.isOtherCentralFunding(), a.isReportsStatistics(),
                        a.isHoldsCertificate(), a.isTruthfulnessCommitment()),
                new ApplicationFacts.Project(a.getProjectName(), ProjectKind.valueOf(a.getProjectKind().name()),
                        a.getHostCountry(), a.getCertificateNo(), a.getCertificateFirstIssuedOn(), a.getKeyDate(),
                        money(a.getInvestmentAmount(), a.getInvestmentCurrency()),
                        money(a.getContractValueAmount(), a.getContractValueCurrency()),
                        a.isPreProjectFeesSupported(), a.getPriorInterestSupportYears()),
                a.getClaims().stream().map(c -> new ApplicationFacts.Claim(c.getCategory(),
                        money(c.effectiveAmount(), c.getCurrency()), c.getPaidOn(), c.getServiceContractSignedOn(),
                        money(c.getLoanPrincipalAmount(), c.getLoanPrincipalCurrency()), c.getTermMonths(),
                        c.getAnnualRatePercent(), c.getActiveFrom(), c.getActiveTo(), c.getZoneConfirmed(),
                        storedFacts(c.getFacts())))
                        .toList());
    }

    private static MoneyAmount money(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyAmount(amount, currency);
    }

    private static Map<String, Object> storedFacts(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, JsonNode> facts = new LinkedHashMap<>();
            JsonNode object = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                facts.put(field.getKey(), field.getValue());
            }
            return facts(facts);
        } catch (IOException e) {
            throw new UncheckedIOException("A claim's stored facts are not JSON", e);
        }
    }

    /** Facts as the tables read them: booleans, decimals, texts, ISO dates as dates, money as money. */
    static Map<String, Object> facts(Map<String, JsonNode> facts) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (facts == null) {
            return values;
        }
        facts.forEach((name, node) -> values.put(name, value(node)));
        return values;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isObject()) {
            return new MoneyAmount(new BigDecimal(node.path("amount").asText()), node.path("currency").asText());
        }
        String text = node.asText();
        if (text.matches(ISO_DATE)) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        return text;
    }
}
