package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.browser.BrowserScript;
import cn.bureau.subsidy.http.RunningApp.Answer;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The portal checks an application in the browser before the server does; both must name the same fields with the
 * same codes, so the applicant reads the same message whichever caught the slip. Each body below is the contract's
 * example with one slip; the browser's rules run in Node, the server's through the quote endpoint.
 */
class ValidationParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBrowserAndTheServerNameTheSameProblems() throws Exception {
        RunningApp app = RunningApp.start();
        String program = Fixtures.programCode();
        app.publishProgramOpenNow(program);
        JsonNode published = app.json("manager", "GET", "/api/programs/" + program, null).json();

        Map<String, ObjectNode> slips = slips();
        Path cases = Files.createTempFile("parity", ".json");
        ObjectNode input = JSON.createObjectNode();
        input.set("program", published);
        input.putArray("bodies").addAll(new ArrayList<>(slips.values()));
        Files.writeString(cases, JSON.writeValueAsString(input));
        JsonNode browser = JSON.readTree(BrowserScript.output("validation-parity.mjs",
                Map.of("CASES", cases.toString())));
        Files.delete(cases);

        List<String> differences = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ObjectNode> slip : slips.entrySet()) {
            Answer server = app.json("applicant", "POST", "/api/programs/" + program + "/quote", slip.getValue());
            Set<String> serverProblems = problems(server.json().path("errors"));
            Set<String> browserProblems = problems(browser.get(i++));
            assertThat(server.status()).as("%s: %s", slip.getKey(), server).isEqualTo(400);
            assertThat(browserProblems).as("%s: the browser finds it", slip.getKey()).isNotEmpty();
            if (!serverProblems.equals(browserProblems)) {
                differences.add(slip.getKey() + ": server " + serverProblems + ", browser " + browserProblems);
            }
        }
        assertThat(differences).as("slips the two word differently").isEmpty();
    }

    /** The contract's example, one slip each. */
    private static Map<String, ObjectNode> slips() {
        Map<String, ObjectNode> slips = new LinkedHashMap<>();
        slip(slips, "USCC check character", b -> applicant(b).put("uscc", "91440300MA5F000182"));
        slip(slips, "USCC too long", b -> applicant(b).put("uscc", "91440300MA5F0001812"));
        slip(slips, "no enterprise name", b -> applicant(b).put("name", ""));
        slip(slips, "account number with spaces", b -> ((ObjectNode) applicant(b).get("bankAccount"))
                .put("accountNo", "755 001"));
        slip(slips, "no truthfulness commitment answer", b -> ((ObjectNode) b.get("declarations"))
                .remove("truthfulnessCommitment"));
        slip(slips, "host country in small letters", b -> project(b).put("hostCountry", "kh"));
        slip(slips, "investment without its amount", b -> project(b).remove("chineseInvestment"));
        slip(slips, "investment with a contract value", b -> project(b).putObject("contractValue")
                .put("amount", "1").put("currency", "CNY"));
        slip(slips, "amount with a thousands separator", b -> claim(b, 0).putObject("amount")
                .put("amount", "600,000").put("currency", "CNY"));
        slip(slips, "amount with three decimals", b -> claim(b, 0).putObject("amount")
                .put("amount", "600000.001").put("currency", "CNY"));
        slip(slips, "currency without a published rate", b -> claim(b, 2).putObject("amount")
                .put("amount", "50000").put("currency", "EUR"));
        slip(slips, "not a currency", b -> claim(b, 2).putObject("amount").put("amount", "50000").put("currency", "ZZZ"));
        slip(slips, "date in the year 2200", b -> claim(b, 0).put("paidOn", "2200-01-01"));
        slip(slips, "pre-project fees without the service contract date",
                b -> claim(b, 0).remove("serviceContractSignedOn"));
        slip(slips, "pre-project fees without the key date", b -> project(b).remove("keyDate"));
        slip(slips, "loan without its term", b -> claim(b, 1).remove("termMonths"));
        slip(slips, "loan rate of 100 percent", b -> claim(b, 1).put("annualRatePercent", "100"));
        slip(slips, "loan term of 601 months", b -> claim(b, 1).put("termMonths", 601));
        slip(slips, "insurance ending before it starts", b -> claim(b, 2).put("activeTo", "2024-12-31"));
        slip(slips, "zone without the confirmation answer", b -> claim(b, 3).remove("zoneConfirmed"));
        slip(slips, "no claims", b -> ((ArrayNode) b.get("claims")).removeAll());
        slip(slips, "a category the program does not offer", b -> claim(b, 0).put("category", "EXPORT_CREDIT"));
        slip(slips, "prior interest support of 51 years", b -> project(b).put("priorInterestSupportYears", 51));
        return slips;
    }

    private static void slip(Map<String, ObjectNode> slips, String name, Consumer<ObjectNode> change) {
        ObjectNode body = Fixtures.applicationJson();
        change.accept(body);
        slips.put(name, body);
    }

    private static ObjectNode applicant(ObjectNode body) {
        return (ObjectNode) body.get("applicant");
    }

    private static ObjectNode project(ObjectNode body) {
        return (ObjectNode) body.get("project");
    }

    private static ObjectNode claim(ObjectNode body, int index) {
        return (ObjectNode) body.get("claims").get(index);
    }

    private static Set<String> problems(JsonNode list) {
        Set<String> problems = new TreeSet<>();
        list.forEach(problem -> problems.add(problem.path("field").asText() + " " + problem.path("code").asText()));
        return problems;
    }
}
