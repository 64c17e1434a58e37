package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.modeling.ModelDeployer;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * Guide §9's worked examples through {@code POST /api/programs/{code}/quote}, on a program with the examples' rates
 * (USD 7.0, LPR 3.0% / 3.5%), and a process owner's table edit reaching the next quote without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuoteHttpTest {

    /** Times as the contract writes them, ISO-8601 strings, not the seconds since 1970 Jackson writes by default. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ModelDeployer deployer;
    @Autowired
    WebApplicationContext web;

    String program;

    @BeforeEach
    void programWithTheExamplesRates() {
        program = Fixtures.programCode();
        ObjectNode body = JSON.valueToTree(Fixtures.program(program));
        body.with("fxRatesToCny").put("USD", "7.0");
        assertThat(rest.withBasicAuth("manager", "demo").postForEntity("/api/programs", body, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void quotesAndFilingsTakeTurnsEachOnPermitsOfTheirOwn() {
        for (String name : List.of("quote-turns", "filing-turns")) {
            assertThat(web.getServletContext().getFilterRegistration(name).getUrlPatternMappings()).as(name)
                    .containsExactly("/api/programs/*");
        }
    }

    @Test
    void preProjectFeesOnAnInvestmentOfTwoMillionDollars() {
        JsonNode quote = quote(investment("2000000"), preProjectFees("600000"));

        assertThat(quote.path("claims").get(0).path("supportWan").decimalValue()).isEqualByComparingTo("30");
        assertThat(quote.path("totalWan").decimalValue()).isEqualByComparingTo("30");
        assertThat(quote.path("eligible").asBoolean()).isTrue();
        assertThat(quote.path("reasons")).isEmpty();
    }

    @Test
    void feesAboveSixPercentOfTheInvestmentAreCappedThere() {
        assertThat(quote(investment("2000000"), preProjectFees("1000000")).path("totalWan").decimalValue())
                .isEqualByComparingTo("42");
    }

    @Test
    void loanInterestAtTheCappedRate() {
        ObjectNode loan = claim("LOAN_INTEREST", "420000", "CNY", "2025-12-20");
        loan.set("loanPrincipal", money("10000000", "CNY"));
        loan.put("termMonths", 36).put("annualRatePercent", "4.2").put("activeFrom", "2024-07-01")
                .put("activeTo", "2027-06-30");

        assertThat(quote(investment("2000000"), loan).path("totalWan").decimalValue()).isEqualByComparingTo("15");
    }

    @Test
    void aPremiumPaidInDollars() {
        ObjectNode premium = claim("INSURANCE_PREMIUM", "50000", "USD", "2025-02-10");
        premium.put("activeFrom", "2025-01-01").put("activeTo", "2025-12-31");

        assertThat(quote(investment("2000000"), premium).path("totalWan").decimalValue()).isEqualByComparingTo("21");
    }

    @Test
    void lessThanFiveWanIsNothing() {
        JsonNode quote = quote(investment("2000000"), preProjectFees("80000"));

        JsonNode claim = quote.path("claims").get(0);
        assertThat(claim.path("supportWan").decimalValue()).isEqualByComparingTo("0");
        assertThat(texts(claim.path("reasons"))).containsExactly("BELOW_MINIMUM_SUPPORT");
        assertThat(quote.path("eligible").asBoolean()).isFalse();
    }

    @Test
    void anEnterpriseAboveOneThousandWanIsScaledDown() {
        JsonNode quote = quote(investment("2000000"), zone("16000000"), zone("10000000"));

        assertThat(quote.path("claims")).extracting(c -> c.path("supportWan").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("615"), new BigDecimal("384"));
        assertThat(quote.path("totalWan").decimalValue()).isEqualByComparingTo("999");
    }

    @Test
    void aQuoteExplainsItselfWhenAsked() {
        JsonNode explained = rest.withBasicAuth("applicant", "demo").postForEntity(
                "/api/programs/" + program + "/quote?explain=true", body(investment("2000000"), preProjectFees("600000")),
                JsonNode.class).getBody();

        JsonNode figures = explained.path("claims").get(0).path("explanation").path("figures");
        assertThat(figures.findValuesAsText("name")).isNotEmpty();
        assertThat(explained.path("claims").get(0).path("explanation").path("rulesFired").findValuesAsText("decision"))
                .contains("Decision_SupportRates");
    }

    @Test
    void aRedeployedTableChangesTheNextQuote(@TempDir Path copy) throws IOException {
        ObjectNode premium = claim("INSURANCE_PREMIUM", "50000", "USD", "2025-02-10");
        premium.put("activeFrom", "2025-01-01").put("activeTo", "2025-12-31");
        assertThat(quote(investment("2000000"), premium).path("totalWan").decimalValue()).isEqualByComparingTo("21");

        // A process owner lowers the insurance rate from 60% to 50% in a copy of the folders and rolls it out.
        copyModels(copy);
        Path rates = copy.resolve("decisions/support-rates.dmn");
        String edited = Files.readString(rates).replaceFirst(
                "(?s)(<rule id=\"Rule_Rate_InsurancePremium\">.*?<outputEntry[^>]*>\\s*<text>)60(</text>)", "$150$2");
        assertThat(edited).isNotEqualTo(Files.readString(rates));
        Files.writeString(rates, edited);
        try {
            assertThat(deployer.deployFrom(copy)).isNotNull();

            assertThat(quote(investment("2000000"), premium).path("totalWan").decimalValue())
                    .isEqualByComparingTo("17");
        } finally {
            deployer.deploy();
        }
        assertThat(quote(investment("2000000"), premium).path("totalWan").decimalValue()).isEqualByComparingTo("21");
    }

    @Test
    void aQuoteRefusesWhatItCannotReadAndNeedsALogin() {
        ObjectNode bad = body(investment("2000000"), preProjectFees("600000"));
        ((ObjectNode) bad.path("applicant")).put("uscc", "91440300MA5F000182");
        ResponseEntity<JsonNode> refused = rest.withBasicAuth("applicant", "demo")
                .postForEntity("/api/programs/" + program + "/quote", bad, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("code")).contains("INVALID_USCC");

        assertThat(rest.postForEntity("/api/programs/" + program + "/quote", bad, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("applicant", "demo").postForEntity("/api/programs/NO-SUCH/quote",
                body(investment("2000000"), preProjectFees("600000")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode quote(ObjectNode project, ObjectNode... claims) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("applicant", "demo")
                .postForEntity("/api/programs/" + program + "/quote", body(project, claims), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static ObjectNode body(ObjectNode project, ObjectNode... claims) {
        ObjectNode body = Fixtures.applicationJson();
        body.set("project", project);
        ArrayNode list = body.putArray("claims");
        Stream.of(claims).forEach(list::add);
        return body;
    }

    private static ObjectNode investment(String usd) {
        ObjectNode project = (ObjectNode) Fixtures.applicationJson().path("project").deepCopy();
        project.set("chineseInvestment", money(usd, "USD"));
        return project;
    }

    private static ObjectNode preProjectFees(String cny) {
        return claim("PRE_PROJECT_FEES", cny, "CNY", "2025-05-01").put("serviceContractSignedOn", "2025-03-01");
    }

    private static ObjectNode zone(String cny) {
        return claim("ZONE_INFRASTRUCTURE", cny, "CNY", "2025-11-30").put("zoneConfirmed", true)
                .put("activeFrom", "2025-03-01").put("activeTo", "2025-10-31");
    }

    private static ObjectNode claim(String category, String amount, String currency, String paidOn) {
        ObjectNode claim = JSON.createObjectNode().put("category", category);
        claim.set("amount", money(amount, currency));
        return claim.put("paidOn", paidOn);
    }

    private static ObjectNode money(String amount, String currency) {
        return JSON.createObjectNode().put("amount", amount).put("currency", currency);
    }

    private static List<String> texts(JsonNode array) {
        return Stream.of(JSON.convertValue(array, String[].class)).toList();
    }

    private static void copyModels(Path copy) throws IOException {
        for (String folder : List.of("processes", "decisions", "forms")) {
            Files.createDirectories(copy.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
    }
}
