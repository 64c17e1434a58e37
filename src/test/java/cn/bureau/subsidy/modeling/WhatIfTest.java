package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.program.ProgramRequest;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * A what-if before a rollout, through {@code POST /api/decisions/what-if}: a program's filed cases replayed through a
 * changed {@code support-rates.dmn}. Four cases of one enterprise, budget 415 万元:
 * <ul>
 * <li>A, the contract's example: 30 + 15 + 21 (US$50,000 premium at 60%) + 150 = 216 万元;</li>
 * <li>B, the same without the premium: 195;</li>
 * <li>C, a US$10,000 premium only: 4 万元 at 60%, below the 5 万元 minimum, so 0;</li>
 * <li>D, a US$20,000 premium only: 140,576 × 60% → 8 万元.</li>
 * </ul>
 * The open cases ask 419 before the change, over the budget: r = 415 / 419 gives 29 + 14 + 20 + 148, 29 + 14 + 148
 * and 7, a plan of 409. With premiums at 50%, A gets 17 for its premium (212), C still 0 (3 万元), D 7: 414 in all,
 * within the budget, so the plan is 414.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatIfTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;

    String program;
    Application a;
    Application b;
    Application c;
    Application d;

    @BeforeEach
    void fileFourCases() {
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
        program = Fixtures.programCode();
        ProgramRequest guide = Fixtures.program(program);
        publisher.publish(new ProgramRequest(program, guide.title(), guide.supportYear(), guide.filingOpensAt(),
                guide.filingClosesAt(), guide.materialsCloseAt(), BigDecimal.valueOf(415), guide.fxRatesToCny(),
                guide.lprPercent()), Fixtures.MANAGER);
        a = filing.file(program, Fixtures.application(), Fixtures.APPLICANT, null);
        ObjectNode withoutPremium = Fixtures.applicationJson();
        ((ArrayNode) withoutPremium.get("claims")).remove(2);
        b = filing.file(program, Fixtures.form(withoutPremium), Fixtures.APPLICANT, null);
        c = filing.file(program, premiumOnly("10000"), Fixtures.APPLICANT, null);
        d = filing.file(program, premiumOnly("20000"), Fixtures.APPLICANT, null);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aLowerInsuranceRateChangesExactlyTheCasesWithAPremiumThatStillCountsAndTheNewPlanTotal() throws IOException {
        ResponseEntity<JsonNode> response = whatIf("manager", program, "support-rates.dmn",
                supportRates().replace(insuranceRate("60"), insuranceRate("50")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.path("cases").asInt()).isEqualTo(4);
        assertThat(report.path("failedCases").asInt()).isZero();
        assertThat(texts(report.path("changed"), "businessKey"))
                .containsExactlyInAnyOrder(a.getBusinessKey(), d.getBusinessKey());
        assertThat(report.path("changedCases").asInt()).isEqualTo(2);
        assertThat(report.path("decisionsChanged")).extracting(JsonNode::asText)
                .containsExactly("Decision_SupportRates", "Decision_InterestRateCap", "Decision_SupportLimits");
        assertThat(report.path("findings")).isEmpty();

        JsonNode rowA = row(report, a);
        assertThat(rowA.at("/before/totalWan").decimalValue()).isEqualByComparingTo("216");
        assertThat(rowA.at("/after/totalWan").decimalValue()).isEqualByComparingTo("212");
        assertThat(rowA.at("/before/claims/2/supportWan").decimalValue()).isEqualByComparingTo("21");
        assertThat(rowA.at("/after/claims/2/supportWan").decimalValue()).isEqualByComparingTo("17");
        assertThat(rowA.path("quoteFollowsRollout").asBoolean()).isTrue();
        JsonNode rowC = row(report, c);
        assertThat(rowC.path("changed").asBoolean()).isFalse();
        assertThat(rowC.at("/after/claims/0/reasons/0").asText()).isEqualTo("BELOW_MINIMUM_SUPPORT");
        assertThat(row(report, d).at("/after/totalWan").decimalValue()).isEqualByComparingTo("7");
        assertThat(row(report, b).path("changed").asBoolean()).isFalse();

        assertThat(report.at("/before/quotedWan").decimalValue()).isEqualByComparingTo("419");
        assertThat(report.at("/before/planWan").decimalValue()).isEqualByComparingTo("409");
        assertThat(report.at("/before/scaledToBudget").asBoolean()).isTrue();
        assertThat(report.at("/after/quotedWan").decimalValue()).isEqualByComparingTo("414");
        assertThat(report.at("/after/planWan").decimalValue()).isEqualByComparingTo("414");
        assertThat(report.at("/after/scaledToBudget").asBoolean()).isFalse();
        assertThat(report.at("/after/budgetWan").decimalValue()).isEqualByComparingTo("415");
    }

    @Test
    void aTableThatCannotDecideACaseIsReportedCaseByCaseNotRolledOut() throws IOException {
        // Two rows for INSURANCE_PREMIUM in a UNIQUE table: the cases with a premium cannot be decided.
        String broken = supportRates().replace("<text>&quot;ZONE_INFRASTRUCTURE&quot;</text>",
                "<text>&quot;ZONE_INFRASTRUCTURE&quot;,&quot;INSURANCE_PREMIUM&quot;</text>");

        JsonNode report = whatIf("manager", program, "support-rates.dmn", broken).getBody();

        assertThat(report.path("failedCases").asInt()).isEqualTo(3);
        assertThat(row(report, b).has("error")).isFalse();
        assertThat(row(report, b).path("after").path("totalWan").decimalValue()).isEqualByComparingTo("195");
        assertThat(row(report, a).path("error").asText()).contains("UNIQUE");
        assertThat(row(report, a).has("after")).isFalse();
    }

    @Test
    void aChangedFileIsCheckedAndOnlyProgramManagersAsk() throws IOException {
        String untyped = supportRates().replace(
                "<inputExpression id=\"InputExpression_Rate_Category\" typeRef=\"string\">",
                "<inputExpression id=\"InputExpression_Rate_Category\">");

        JsonNode report = whatIf("manager", program, "support-rates.dmn", untyped).getBody();
        assertThat(report.path("findings")).anySatisfy(finding -> {
            assertThat(finding.path("rule").asText()).isEqualTo(ModelChecks.DMN_INPUT_TYPE);
            assertThat(finding.path("file").asText()).isEqualTo("decisions/support-rates.dmn");
            assertThat(finding.path("element").asText()).isEqualTo("Input_Rate_Category");
        });

        assertThat(whatIf("reviewer", program, "support-rates.dmn", supportRates()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notDmn = whatIf("manager", program, "case.bpmn", "<definitions/>");
        assertThat(notDmn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notDmn.getBody().at("/errors/0/code").asText()).isEqualTo("NOT_DMN");
    }

    @Test
    void thePageShowsTheReplayAsATableAndAChart() {
        ResponseEntity<String> page = rest.withBasicAuth("manager", "demo").getForEntity("/what-if.html",
                String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("fetch('/api/decisions/what-if'", "<svg id=\"chart\"", "<table>",
                "lang=\"zh-CN\"", "English");
    }

    private ResponseEntity<JsonNode> whatIf(String user, String programCode, String fileName, String content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("program", programCode);
        body.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/decisions/what-if",
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    static String supportRates() throws IOException {
        return Files.readString(Path.of("decisions/support-rates.dmn"), StandardCharsets.UTF_8);
    }

    private static String insuranceRate(String percent) {
        return "<outputEntry id=\"LiteralExpression_Rate_InsurancePremium_RatePercent\">\n          <text>" + percent
                + "</text>";
    }

    private static cn.bureau.subsidy.filing.ApplicationForm premiumOnly(String usd) {
        ObjectNode json = Fixtures.applicationJson();
        ArrayNode claims = (ArrayNode) json.get("claims");
        ObjectNode premium = (ObjectNode) claims.get(2);
        premium.with("amount").put("amount", usd);
        claims.removeAll();
        claims.add(premium);
        return Fixtures.form(json);
    }

    private static JsonNode row(JsonNode report, Application application) {
        return StreamSupport.stream(report.path("all").spliterator(), false)
                .filter(row -> row.path("caseId").asText().equals(application.getId().toString()))
                .findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
