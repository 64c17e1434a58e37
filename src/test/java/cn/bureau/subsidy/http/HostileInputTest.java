package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.http.HostileValues.Kind;
import cn.bureau.subsidy.http.HostileValues.Slot;
import cn.bureau.subsidy.http.RunningApp.Answer;
import cn.bureau.subsidy.scenario.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input against the running application over HTTP: generated bodies that are malformed, mistyped, over
 * long, out of range, full of markup or SQL, with unknown fields or control characters; uploads of the wrong type,
 * over the size limit or with a path in the name; registry CSV that is wrong in every cell; ids that are not ids.
 * Every one must be refused with a 4xx problem detail that carries a {@code code} and, for a 400, names the field at
 * fault; none may be answered 500, and none may leave a trace: the application's rows and the engine's process
 * instances, tasks and variables are counted before and after each request.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger NOT_REFUSED = new AtomicInteger();
    private static RunningApp app;
    private static String program;
    private static String ownCase;

    // --- set-up -----------------------------------------------------------------------------------------------------

    @BeforeContainer
    static void aProgramOpenForFilingAndACase() {
        app = RunningApp.start();
        ClockUtil.reset();
        program = Fixtures.programCode();
        Answer published = app.json("manager", "POST", "/api/programs", programBody(program));
        assertThat(published.status()).as("%s", published).isEqualTo(201);
        Answer filed = app.fileApplication(program);
        ownCase = filed.json().path("caseId").asText();
    }

    @AfterContainer
    static void report() {
        System.out.println("hostile inputs tried: " + TRIED.get() + (NOT_REFUSED.get() == 0 ? ", all answered 4xx"
                : ", " + NOT_REFUSED.get() + " not refused as they should be (shrinking retries included)"));
    }

    /** A program whose online window is open now, so that only the body decides a filing. */
    private static ObjectNode programBody(String code) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        body.put("title", "Hostile input program");
        body.put("supportYear", 2025);
        body.put("filingOpensAt", now.minusDays(1).toString());
        body.put("filingClosesAt", now.plusDays(30).toString());
        body.put("materialsCloseAt", now.plusDays(40).toString());
        body.put("budgetWan", 5000);
        body.putObject("fxRatesToCny").put("USD", "7.0288");
        body.putObject("lprPercent").put("1Y", "3.0").put("5Y", "3.5");
        return body;
    }

    // --- JSON bodies with refused values ----------------------------------------------------------------------------

    /** A body, the fields a mutation touched (one of which the answer must name) and what was done. */
    record Hostile(JsonNode body, Set<String> fields, String what) {
        @Override
        public String toString() {
            return what;
        }
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void aFilingWithARefusedValueLeavesNoCase(@ForAll("filings") Hostile input) {
        refused(input.what(), input.fields(), () -> app.json("applicant", "POST",
                "/api/programs/" + program + "/applications", input.body()));
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void aQuoteWithARefusedValueIsRefused(@ForAll("quotes") Hostile input) {
        refused(input.what(), input.fields(), () -> app.json("reviewer", "POST",
                "/api/programs/" + program + "/quote", input.body()));
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void aProgramWithARefusedValueIsNotPublished(@ForAll("programs") Hostile input) {
        refused(input.what(), input.fields(), () -> app.json("manager", "POST", "/api/programs", input.body()));
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void aCaseActionWithARefusedValueChangesNothing(@ForAll("caseActions") Action action) {
        String stageBefore = stage(ownCase);
        refused(action.input().what(), action.input().fields(), () -> app.json("applicant", action.method(),
                "/api/cases/" + ownCase + action.path(), action.input().body()));
        assertThat(stage(ownCase)).isEqualTo(stageBefore);
    }

    /** An administrator binding the applicant user to a USCC that is none leaves the binding as it was. */
    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void aBindingToARefusedUsccLeavesTheApplicantsEnterprise(@ForAll("bindings") Hostile input) {
        refused(input.what(), input.fields(), () -> app.json("admin", "PUT", "/api/applicant-bindings/applicant",
                input.body()));
        assertThat(app.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select uscc from applicant_binding where user_id = 'applicant'", String.class))
                .isEqualTo(Fixtures.USCC);
    }

    @Provide
    Arbitrary<Hostile> bindings() {
        return mutations(JSON.createObjectNode().put("uscc", Fixtures.USCC), List.of(Slot.of("uscc", Kind.USCC)),
                List.of());
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void anObjectionWithARefusedValueIsNotRegistered(@ForAll("objections") Hostile input) {
        refused(input.what(), input.fields(), () -> app.json("auditor", "POST",
                "/api/programs/" + program + "/plan/objections", input.body()));
    }

    record Action(String method, String path, Hostile input) {
        @Override
        public String toString() {
            return method + " " + path + ": " + input;
        }
    }

    @Provide
    Arbitrary<Hostile> filings() {
        return mutations(Fixtures.applicationJson(), applicationSlots(true), applicationSpecials());
    }

    @Provide
    Arbitrary<Hostile> quotes() {
        return mutations(Fixtures.applicationJson(), applicationSlots(false), applicationSpecials());
    }

    @Provide
    Arbitrary<Hostile> programs() {
        List<Slot> slots = List.of(Slot.of("code", Kind.CODE), Slot.text("title", 300, true),
                Slot.integer("supportYear", 2000, 2100, true), Slot.of("filingOpensAt", Kind.INSTANT),
                Slot.of("filingClosesAt", Kind.INSTANT), Slot.of("materialsCloseAt", Kind.INSTANT),
                Slot.of("budgetWan", Kind.BUDGET), Slot.of("fxRatesToCny", Kind.OBJECT),
                Slot.of("fxRatesToCny.USD", Kind.FX_RATE).optional(), Slot.of("lprPercent", Kind.OBJECT),
                Slot.of("lprPercent.1Y", Kind.PERCENT), Slot.of("lprPercent.5Y", Kind.PERCENT));
        Arbitrary<Special> unknownCurrency = Arbitraries.of("usd", "EURO", "CNY", "12", "<script>", "U S", "")
                .map(key -> new Special("fxRatesToCny." + key, "a rate for '" + key + "'",
                        body -> body.path("fxRatesToCny") instanceof ObjectNode rates && rates.put(key, "1.5") != null));
        // Each try publishes under a code of its own, so an input that slipped through would show as a new program.
        return Arbitraries.create(Fixtures::programCode).flatMap(code ->
                mutations(programBody(code), slots, List.of(unknownCurrency)));
    }

    @Provide
    Arbitrary<Action> caseActions() {
        ObjectNode note = JSON.createObjectNode().put("note", "Corrected the certificate number");
        ObjectNode reason = JSON.createObjectNode().put("reason", "We no longer need the support");
        ObjectNode account = JSON.createObjectNode().put("bank", "Bank of China Shenzhen")
                .put("accountName", "Shenzhen Example Co., Ltd.").put("accountNo", "6222021234567890");
        return Arbitraries.oneOf(
                mutations(note, List.of(Slot.text("note", 2000, true)), List.of())
                        .map(input -> new Action("POST", "/corrections", input)),
                mutations(reason, List.of(Slot.text("reason", 2000, true)), List.of())
                        .map(input -> new Action("POST", "/withdrawal", input)),
                mutations(account, List.of(Slot.text("bank", 200, true), Slot.text("accountName", 300, true),
                        Slot.of("accountNo", Kind.ACCOUNT_NO)), List.of())
                        .map(input -> new Action("PUT", "/bank-account", input)));
    }

    @Provide
    Arbitrary<Hostile> objections() {
        ObjectNode objection = JSON.createObjectNode().put("caseId", UUID.randomUUID().toString())
                .put("reason", "The enterprise was listed for serious dishonesty");
        return mutations(objection, List.of(Slot.of("caseId", Kind.UUID), Slot.text("reason", 2000, true)),
                List.of());
    }

    private static List<Slot> applicationSlots(boolean forFiling) {
        List<Slot> slots = new ArrayList<>(List.of(
                Slot.of("applicant", Kind.OBJECT), Slot.of("applicant.uscc", Kind.USCC),
                Slot.text("applicant.name", 300, true),
                forFiling ? Slot.of("applicant.bankAccount", Kind.OBJECT)
                        : Slot.of("applicant.bankAccount", Kind.OBJECT).optional(),
                Slot.text("applicant.bankAccount.bank", 200, true),
                Slot.text("applicant.bankAccount.accountName", 300, true),
                Slot.of("applicant.bankAccount.accountNo", Kind.ACCOUNT_NO),
                Slot.of("declarations", Kind.OBJECT),
                Slot.of("project", Kind.OBJECT), Slot.text("project.name", 300, true),
                Slot.of("project.kind", Kind.ENUM), Slot.of("project.hostCountry", Kind.COUNTRY),
                Slot.text("project.certificateNo", 120, false),
                Slot.of("project.certificateFirstIssuedOn", Kind.DATE).optional(),
                Slot.of("project.keyDate", Kind.DATE),
                Slot.of("project.chineseInvestment", Kind.OBJECT),
                Slot.of("project.chineseInvestment.amount", Kind.AMOUNT),
                Slot.of("project.chineseInvestment.currency", Kind.CURRENCY),
                Slot.of("project.preProjectFeesSupportedBefore", Kind.BOOL).optional(),
                Slot.integer("project.priorInterestSupportYears", 0, 50, false),
                Slot.of("claims", Kind.ARRAY)));
        Fixtures.applicationJson().path("declarations").fieldNames()
                .forEachRemaining(name -> slots.add(Slot.of("declarations." + name, Kind.BOOL)));
        // Every field the contract's example gives a claim is one its category requires.
        ArrayNode claims = (ArrayNode) Fixtures.applicationJson().path("claims");
        for (int i = 0; i < claims.size(); i++) {
            String claim = "claims[" + i + "]";
            slots.add(Slot.of(claim, Kind.OBJECT));
            claims.get(i).fields().forEachRemaining(field -> {
                String path = claim + "." + field.getKey();
                switch (field.getKey()) {
                    case "category" -> slots.add(Slot.of(path, Kind.ENUM));
                    case "amount", "loanPrincipal" -> {
                        slots.add(Slot.of(path, Kind.OBJECT));
                        slots.add(Slot.of(path + ".amount", Kind.AMOUNT));
                        slots.add(Slot.of(path + ".currency", Kind.CURRENCY));
                    }
                    case "termMonths" -> slots.add(Slot.integer(path, 1, 600, true));
                    case "annualRatePercent" -> slots.add(Slot.of(path, Kind.PERCENT));
                    case "zoneConfirmed" -> slots.add(Slot.of(path, Kind.BOOL));
                    default -> slots.add(Slot.of(path, Kind.DATE));
                }
            });
        }
        return slots;
    }

    /** Refusals that span fields: a value where the project's kind wants none, too many claims, none. */
    private static List<Arbitrary<Special>> applicationSpecials() {
        return List.of(
                Arbitraries.just(new Special("project.contractValue", "a contract value on an investment",
                        body -> body.path("project") instanceof ObjectNode project
                                && project.path("kind").asText().equals("INVESTMENT")
                                && project.putObject("contractValue").put("amount", "100").put("currency", "CNY")
                                        != null)),
                Arbitraries.integers().between(ApplicationFormLimits.MAX_CLAIMS + 1, 40)
                        .map(n -> new Special("claims", n + " claims", body -> {
                            if (!(body.path("claims") instanceof ArrayNode claims)) {
                                return false;
                            }
                            JsonNode first = claims.isEmpty() ? Fixtures.applicationJson().path("claims").get(0)
                                    : claims.get(0);
                            while (claims.size() < n) {
                                claims.add(first.deepCopy());
                            }
                            return true;
                        })),
                Arbitraries.just(new Special("claims", "no claims", body -> body.path("claims") instanceof ArrayNode
                        claims && claims.removeAll() != null)),
                Combinators.combine(Arbitraries.integers().between(0, 3), hostileFacts()).as((i, fact) ->
                        new Special("claims[" + i + "].facts", "facts " + abbreviate(fact.toString()), body ->
                                body.path("claims").path(i) instanceof ObjectNode claim
                                        && claim.set("facts", fact) != null)));
    }

    /** Further facts of a claim that no table may read: bad names, values of no fact type, text or numbers too big. */
    private static Arbitrary<JsonNode> hostileFacts() {
        Arbitrary<String> goodName = Arbitraries.of("firstTime", "lastYearRevenue", "employees");
        // Not an identifier starting with a small letter, or one the tables read from the claim itself.
        Arbitrary<String> badName = Arbitraries.oneOf(HostileValues.injection()
                .filter(name -> !name.matches("[a-z][A-Za-z0-9]{0,39}")), Arbitraries.of("First", "1st", "", "a b",
                        "a".repeat(41), "amount", "paidOn", "category"));
        Arbitrary<JsonNode> badValue = Arbitraries.oneOf(
                Arbitraries.of(JSON.nullNode(), JSON.createArrayNode().add(1), JSON.createObjectNode().put("a", 1),
                        JSON.createObjectNode().put("amount", "-1").put("currency", "CNY"),
                        JSON.createObjectNode().put("amount", "1").put("currency", "usd")),
                Arbitraries.integers().between(201, 5000).map(n -> (JsonNode) JSON.getNodeFactory().textNode(
                        "t".repeat(n))),
                Arbitraries.of("a\u0000b", "x\u0007y", "\ud800").map(t -> (JsonNode) JSON.getNodeFactory()
                        .textNode(t)),
                Arbitraries.of(new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-1e400"),
                        new java.math.BigDecimal("1" + "0".repeat(900)), new java.math.BigDecimal("0.0000001"))
                        .map(n -> (JsonNode) JSON.getNodeFactory().numberNode(n)));
        return Arbitraries.oneOf(
                Combinators.combine(badName, Arbitraries.of(true, false)).as((name, flag) ->
                        JSON.createObjectNode().put(name, flag)),
                Combinators.combine(goodName, badValue).as((name, value) -> JSON.createObjectNode().set(name, value)));
    }

    /** Mirrors the contract's limit on claims, kept here so the test reads without the form class. */
    private static final class ApplicationFormLimits {
        static final int MAX_CLAIMS = cn.bureau.subsidy.filing.ApplicationForm.MAX_CLAIMS;
    }

    /** A refused change that is not a value put into one slot. */
    record Special(String field, String what, Predicate<ObjectNode> change) {
    }

    /** One to three refused changes to a valid body. */
    private static Arbitrary<Hostile> mutations(ObjectNode valid, List<Slot> slots, List<Arbitrary<Special>> specials) {
        List<Arbitrary<Special>> changes = new ArrayList<>();
        changes.add(Arbitraries.of(slots).flatMap(slot -> HostileValues.invalidFor(slot).map(value ->
                new Special(slot.path(), slot.path() + " = " + abbreviate(value.toString()),
                        body -> put(body, slot.path(), value)))));
        changes.add(Arbitraries.of(slots).filter(Slot::required).flatMap(slot -> Arbitraries.of(true, false)
                // An element of the claims array is set to null, never removed: removing one leaves a valid body.
                .map(remove -> remove && !slot.path().endsWith("]") ? remove : Boolean.FALSE)
                .map(remove -> new Special(slot.path(), (remove ? "without " : "null ") + slot.path(),
                        body -> remove ? remove(body, slot.path()) : put(body, slot.path(), JSON.nullNode())))));
        List<String> objects = new ArrayList<>(slots.stream().filter(slot -> slot.kind() == Kind.OBJECT)
                .map(Slot::path).filter(path -> !path.equals("fxRatesToCny")).toList());
        objects.add("");
        changes.add(Combinators.combine(Arbitraries.of(objects), unknownKeys()).as((object, key) -> new Special(
                object.isEmpty() ? key : object + "." + key, "unknown field " + key + " in " + object,
                body -> (object.isEmpty() ? body : get(body, object)) instanceof ObjectNode node
                        && node.put(key, "surplus") != null)));
        changes.addAll(specials);
        return Arbitraries.oneOf(changes).list().ofMinSize(1).ofMaxSize(3).map(list -> {
            ObjectNode body = valid.deepCopy();
            Set<String> fields = new LinkedHashSet<>();
            List<String> what = new ArrayList<>();
            for (Special change : list) {
                if (change.change().test(body)) {
                    fields.add(change.field());
                    what.add(change.what());
                }
            }
            return new Hostile(body, fields, String.join("; ", what));
        }).filter(hostile -> !hostile.fields().isEmpty());
    }

    private static Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                .filter(key -> !KNOWN_KEYS.contains(key)), Arbitraries.of("__proto__", "constructor", "<script>",
                "' OR 1=1 --", "id", "status", "caseId2", "uscc ", "Uscc"));
    }

    private static final Set<String> KNOWN_KEYS = Set.of("applicant", "declarations", "project", "claims", "uscc",
            "name", "bankAccount", "bank", "accountName", "accountNo", "kind", "hostCountry", "certificateNo",
            "certificateFirstIssuedOn", "keyDate", "chineseInvestment", "contractValue",
            "preProjectFeesSupportedBefore", "priorInterestSupportYears", "category", "amount", "currency", "paidOn",
            "serviceContractSignedOn", "loanPrincipal", "termMonths", "annualRatePercent", "activeFrom", "activeTo",
            "zoneConfirmed", "onDishonestyList", "seriousViolationLast3Years", "fiscalArrears",
            "otherCentralFundingForSameItem", "reportsStatistics", "holdsCertificate", "truthfulnessCommitment",
            "code", "title", "supportYear", "filingOpensAt", "filingClosesAt", "materialsCloseAt", "budgetWan",
            "fxRatesToCny", "lprPercent", "note", "reason", "caseId");

    /**
     * Markup, script and SQL are refused where the contract wants a code, date or amount; in free text (a name) they
     * are data: the filing is taken and the case shows them exactly as sent, with no statement run.
     */
    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void markupAndSqlInFreeTextAreKeptAsText(@ForAll("injectionText") String text) {
        ObjectNode body = Fixtures.applicationJson();
        ((ObjectNode) body.path("applicant")).put("name", text);
        ((ObjectNode) body.path("project")).put("name", text);
        long applications = app.footprint().get("application");
        Answer filed = app.json("applicant", "POST", "/api/programs/" + program + "/applications", body);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        JsonNode shown = app.json("applicant", "GET", "/api/cases/" + filed.json().path("caseId").asText(), null)
                .json();
        assertThat(shown.path("enterprise").path("name").asText()).isEqualTo(text);
        assertThat(shown.path("project").path("name").asText()).isEqualTo(text);
        assertThat(app.footprint().get("application")).isEqualTo(applications + 1);
    }

    @Provide
    Arbitrary<String> injectionText() {
        return Arbitraries.oneOf(HostileValues.injection(), HostileValues.injection().list().ofMinSize(2)
                .ofMaxSize(4).map(parts -> String.join(" ", parts)));
    }

    // --- bodies that are not JSON, or not sent as JSON ----------------------------------------------------------------

    /** The JSON endpoints, each with a valid body and the caller who may use it. */
    private static List<Endpoint> jsonEndpoints() {
        ObjectNode note = JSON.createObjectNode().put("note", "fixed");
        ObjectNode reason = JSON.createObjectNode().put("reason", "no longer needed");
        ObjectNode account = JSON.createObjectNode().put("bank", "Bank").put("accountName", "Name")
                .put("accountNo", "6222021234567890");
        return List.of(new Endpoint("manager", "POST", "/api/programs", programBody("UNUSED-CODE")),
                new Endpoint("applicant", "POST", "/api/programs/" + program + "/quote", Fixtures.applicationJson()),
                new Endpoint("applicant", "POST", "/api/programs/" + program + "/applications",
                        Fixtures.applicationJson()),
                new Endpoint("applicant", "POST", "/api/cases/" + ownCase + "/corrections", note),
                new Endpoint("applicant", "POST", "/api/cases/" + ownCase + "/withdrawal", reason),
                new Endpoint("applicant", "PUT", "/api/cases/" + ownCase + "/bank-account", account),
                new Endpoint("auditor", "POST", "/api/programs/" + program + "/plan/objections",
                        JSON.createObjectNode().put("caseId", ownCase).put("reason", "listed")));
    }

    record Endpoint(String user, String method, String path, JsonNode validBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Malformed(Endpoint endpoint, byte[] body, String what) {
        @Override
        public String toString() {
            return endpoint + " with " + what;
        }
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void malformedJsonIsRefusedAsSuch(@ForAll("malformed") Malformed input) {
        // A syntax error inside {"a": ...} may be met after the unknown field "a": either answer names the fault.
        refused(input.toString(), Set.of("$", "a"), () -> app.send(input.endpoint().user(), input.endpoint().method(),
                input.endpoint().path(), "application/json", input.body()));
    }

    @Provide
    Arbitrary<Malformed> malformed() {
        return Arbitraries.of(jsonEndpoints()).flatMap(endpoint -> {
            String valid = endpoint.validBody().toString();
            Arbitrary<Malformed> truncated = Arbitraries.integers().between(0, valid.length() - 1)
                    .map(at -> new Malformed(endpoint, bytes(valid.substring(0, at)), "the body cut at " + at));
            Arbitrary<Malformed> trailing = Arbitraries.of(" x", "}", ",{}", " " + valid, "\u0000", "]")
                    .map(tail -> new Malformed(endpoint, bytes(valid + tail), "trailing '" + tail + "'"));
            Arbitrary<Malformed> garbage = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
                    .filter(b -> b[0] != '{' && b[0] != '[' && b[0] != '"' && !Character.isWhitespace(b[0])
                            && !Character.isDigit(b[0]) && b[0] != '-' && b[0] != 't' && b[0] != 'f' && b[0] != 'n')
                    .map(b -> new Malformed(endpoint, b, "random bytes"));
            Arbitrary<Malformed> shapes = Arbitraries.of("", " ", "null", "[]", "\"text\"", "42", "true",
                    "{'single': 'quotes'}", "{\"a\":1,}", "{/* comment */}", "{\"a\":NaN}", "{\"a\":01}",
                    "[".repeat(5000) + "]".repeat(5000),
                    duplicateFirstKey(valid), "{\"a\":\"\\uZZZZ\"}")
                    .map(text -> new Malformed(endpoint, bytes(text), "'" + abbreviate(text) + "'"));
            Arbitrary<Malformed> notUtf8 = Arbitraries.just(new Malformed(endpoint,
                    concat(bytes(valid.substring(0, valid.length() / 2)), new byte[] {(byte) 0xC3, (byte) 0x28},
                            bytes(valid.substring(valid.length() / 2))), "invalid UTF-8 inside"));
            return Arbitraries.oneOf(truncated, trailing, garbage, shapes, notUtf8);
        });
    }

    record WrongContentType(Endpoint endpoint, String contentType) {
        @Override
        public String toString() {
            return endpoint + " as " + contentType;
        }
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void aValidBodyOfAnotherContentTypeIsRefused(@ForAll("wrongContentTypes") WrongContentType input) {
        refused(input.toString(), Set.of("Content-Type"), () -> app.send(input.endpoint().user(),
                input.endpoint().method(), input.endpoint().path(), input.contentType(),
                bytes(input.endpoint().validBody().toString())));
    }

    @Provide
    Arbitrary<WrongContentType> wrongContentTypes() {
        return Combinators.combine(Arbitraries.of(jsonEndpoints()), Arbitraries.of("text/plain", "application/xml",
                "text/xml", "text/html", "application/x-www-form-urlencoded", "application/yaml", "text/csv",
                "application/octet-stream", "application/javascript", "image/png", "application/x-yaml",
                "application/cbor", "application/jsonx", "text/json")).as(WrongContentType::new);
    }

    // --- registry CSV -------------------------------------------------------------------------------------------------

    record Csv(String registry, String contentType, String body, Set<String> fields, String what) {
        @Override
        public String toString() {
            return registry + " " + contentType + " " + what + ": " + abbreviate(body);
        }
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void aRegistryImportWithAWrongCellStoresNothing(@ForAll("csvImports") Csv input) {
        refused(input.toString(), input.fields(), () -> app.send("auditor", "POST",
                "/api/registries/" + input.registry() + "/import", input.contentType(), bytes(input.body())));
    }

    private static final String HEADER = "uscc,projectName,listedOn,restrictedUntil,note";

    @Provide
    Arbitrary<Csv> csvImports() {
        Arbitrary<String> goodRow = Arbitraries.of(Fixtures.USCC, Fixtures.OTHER_USCC).map(uscc ->
                uscc + ",Phnom Penh plant,2025-01-01,2027-01-01,listed by the tax bureau");
        Arbitrary<String[]> badCell = Arbitraries.oneOf(
                Arbitraries.oneOf(HostileValues.injection(), Arbitraries.of("91440300MA5F000182", "9144",
                        "91440300ma5f000181", "X".repeat(18))).map(v -> new String[] {"uscc", v}),
                Arbitraries.of("listedOn", "restrictedUntil").flatMap(col -> Arbitraries.of("2025-02-30",
                        "2025-13-01", "+999999999-01-01", "1899-12-31", "2101-01-01", "2025/01/01", "soon",
                        "<script>").map(v -> new String[] {col, v})),
                Arbitraries.integers().between(301, 20_000).map(n -> new String[] {"projectName", "p".repeat(n)}),
                Arbitraries.integers().between(1001, 20_000).map(n -> new String[] {"note", "n".repeat(n)}),
                Combinators.combine(Arbitraries.of("projectName", "note"), Arbitraries.chars().range('\u0000', '\u001f')
                        .filter(c -> c != '\t' && c != '\n' && c != '\r')).as((col, c) -> new String[] {col,
                                "before" + c + "after"}));
        Arbitrary<Csv> wrongCells = Combinators.combine(goodRow.list().ofMinSize(0).ofMaxSize(5),
                badCell.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(registries())).as((good, bad, registry) -> {
                    List<String> rows = new ArrayList<>(good);
                    Set<String> fields = new LinkedHashSet<>();
                    for (String[] cell : bad) {
                        List<String> cells = new ArrayList<>(Arrays.asList(Fixtures.USCC, "Plant", "2025-01-01",
                                "2027-01-01", "note"));
                        cells.set(List.of(HEADER.split(",")).indexOf(cell[0]), quoted(cell[1]));
                        rows.add(String.join(",", cells));
                        fields.add("rows[" + rows.size() + "]");
                    }
                    return new Csv(registry, "text/csv", HEADER + "\n" + String.join("\n", rows), fields,
                            bad.stream().map(cell -> cell[0]).collect(Collectors.joining(",")));
                });
        Arbitrary<Csv> wrongShape = Combinators.combine(Arbitraries.of(registries()), Arbitraries.of(
                "", " \n ", "uscc,projectName,listedOn,restrictedUntil", HEADER + ",extra",
                "projectName,uscc,listedOn,restrictedUntil,note", "USCC,PROJECTNAME,LISTEDON,RESTRICTEDUNTIL,NOTE",
                "<html><body>registry</body></html>", "{\"uscc\":\"" + Fixtures.USCC + "\"}",
                "uscc;projectName;listedOn;restrictedUntil;note", HEADER + "\n\"" + Fixtures.USCC
                        + ",unclosed quote,2025-01-01,,", "\u0000\u0001\u0002")).as((registry, body) ->
                new Csv(registry, "text/csv", body, Set.of("csv"), "a body of the wrong shape"));
        Arbitrary<Csv> wrongCount = Combinators.combine(Arbitraries.of(registries()), Arbitraries.of(
                Fixtures.USCC + ",Plant,2025-01-01,2027-01-01", Fixtures.USCC + ",Plant,2025-01-01,2027-01-01,n,extra"))
                .as((registry, row) -> new Csv(registry, "text/csv", HEADER + "\n" + row, Set.of("rows[1]"),
                        "a row of the wrong length"));
        Arbitrary<Csv> notCsv = Combinators.combine(Arbitraries.of(registries()), Arbitraries.of("application/json",
                "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"))
                .as((registry, type) -> new Csv(registry, type, HEADER + "\n" + Fixtures.USCC + ",P,,,",
                        Set.of("Content-Type"), "sent as " + type));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, wrongCells), net.jqwik.api.Tuple.of(2, wrongShape),
                net.jqwik.api.Tuple.of(1, wrongCount), net.jqwik.api.Tuple.of(1, notCsv));
    }

    private static List<String> registries() {
        return List.of("SERIOUS_DISHONESTY", "SERIOUS_VIOLATION", "FISCAL_ARREARS", "CENTRAL_FUNDING", "PRIOR_AWARD");
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    // --- uploads ------------------------------------------------------------------------------------------------------

    record Upload(String path, String contentType, byte[] body, Set<String> fields, String what) {
        @Override
        public String toString() {
            return path + " " + what;
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void aRefusedUploadStoresNoFile(@ForAll("uploads") Upload input) {
        refused(input.toString(), input.fields(), () -> {
            Answer answer = app.send("applicant", "POST", "/api/cases/" + ownCase + input.path(),
                    input.contentType(), input.body());
            // A bad file is the caller's fault whatever the case waits for: named before any state check.
            assertThat(answer.status()).as("%s → %s", input, answer).isIn(400, 415);
            return answer;
        });
    }

    /** Over the 20 MB a file: few tries, each sends up to 30 MB. */
    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void anUploadOverTheSizeLimitIsRefusedNamingTheFile(
            @ForAll("oversize") int size, @ForAll("fileEndpoints") String path) {
        byte[] content = Arrays.copyOf(Fixtures.pdf(), size);
        Multipart body = new Multipart().field("kind", "APPLICATION_FORM").file("file", "scan.pdf",
                "application/pdf", content);
        refused(size + " bytes to " + path, Set.of("file"), () -> app.send("applicant", "POST",
                "/api/cases/" + ownCase + path, body.contentType(), body.bytes()));
    }

    @Provide
    Arbitrary<Integer> oversize() {
        return Arbitraries.integers().between(20 * 1024 * 1024 + 1, 30 * 1024 * 1024).edgeCases(edges ->
                edges.includeOnly(20 * 1024 * 1024 + 1));
    }

    @Provide
    Arbitrary<String> fileEndpoints() {
        return Arbitraries.of("/materials", "/disbursement-documents");
    }

    @Provide
    Arbitrary<Upload> uploads() {
        Arbitrary<byte[]> notAllowed = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4096).filter(b -> !allowedMagic(b)),
                Arbitraries.of("plain text", "<html><script>alert(1)</script></html>", "PK\u0003\u0004zip",
                        "MZ\u0090\u0000exe", "<svg onload=alert(1)/>", " %PDF-1.4", "GIF89a", "\u0089PN",
                        "%PDF", "\u00ff\u00d8").map(s -> s.getBytes(StandardCharsets.ISO_8859_1)));
        Arbitrary<String> pathNames = Arbitraries.of("../scan.pdf", "..\\scan.pdf", "/abs/scan.pdf",
                "dir/scan.pdf", "C:\\Users\\x\\scan.pdf", "..", "a/../../b.pdf", "scan.pdf/..", "\\\\host\\share\\x.pdf",
                "x".repeat(201) + ".pdf", "scan\u0001.pdf", "scan\u0000.pdf", " ", "");
        Arbitrary<String> badKinds = Arbitraries.oneOf(HostileValues.injection(), Arbitraries.of("application_form",
                "A", "A".repeat(61), "APPLICATION FORM", "ÄPPLICATION", "1ST_FORM"));
        Arbitrary<Upload> wrongType = Combinators.combine(notAllowed, Arbitraries.of("application/pdf", "image/png",
                "image/jpeg", "application/octet-stream", "text/html"), fileEndpoints()).as((content, type, path) -> {
                    Multipart m = multipart(path, "scan.pdf", type, content);
                    return new Upload(path, m.contentType(), m.bytes(), Set.of("file"), "content of another type");
                });
        Arbitrary<Upload> empty = fileEndpoints().map(path -> {
            Multipart m = multipart(path, "scan.pdf", "application/pdf", new byte[0]);
            return new Upload(path, m.contentType(), m.bytes(), Set.of("file"), "an empty file");
        });
        Arbitrary<Upload> pathInName = Combinators.combine(pathNames, fileEndpoints()).as((name, path) -> {
            Multipart m = multipart(path, name, "application/pdf", Fixtures.pdf());
            // Tomcat refuses a part header with a control character: the body as a whole is malformed.
            Set<String> fields = name.chars().anyMatch(c -> c < 0x20) ? Set.of("file", "$") : Set.of("file");
            return new Upload(path, m.contentType(), m.bytes(), fields, "file name '" + name + "'");
        });
        Arbitrary<Upload> badKind = badKinds.map(kind -> {
            Multipart m = new Multipart().field("kind", kind).file("file", "scan.pdf", "application/pdf",
                    Fixtures.pdf());
            return new Upload("/materials", m.contentType(), m.bytes(), Set.of("kind"), "kind '" + kind + "'");
        });
        Arbitrary<Upload> missingPart = Arbitraries.of("kind", "file", "both").map(missing -> {
            Multipart m = new Multipart();
            if (!missing.equals("kind") && !missing.equals("both")) {
                m.field("kind", "APPLICATION_FORM");
            }
            if (!missing.equals("file") && !missing.equals("both")) {
                m.file("file", "scan.pdf", "application/pdf", Fixtures.pdf());
            }
            return new Upload("/materials", m.contentType(), m.bytes(),
                    missing.equals("both") ? Set.of("kind", "file") : Set.of(missing), "without " + missing);
        });
        Arbitrary<Upload> fileAsField = Arbitraries.just(new Multipart().field("kind", "APPLICATION_FORM")
                .field("file", "%PDF-1.4 not a file part")).map(m -> new Upload("/materials", m.contentType(),
                        m.bytes(), Set.of("file"), "file sent as a plain field"));
        Arbitrary<Upload> brokenMultipart = Combinators.combine(fileEndpoints(), Arbitraries.of(
                "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=nope",
                "multipart/mixed; boundary=x")).as((path, type) -> {
                    byte[] valid = multipart(path, "scan.pdf", "application/pdf", Fixtures.pdf()).bytes();
                    return new Upload(path, type, Arrays.copyOf(valid, valid.length / 2),
                            Set.of("$", "kind", "file", "Content-Type"),
                            "a broken multipart body as " + type);
                });
        Arbitrary<Upload> notMultipart = Combinators.combine(fileEndpoints(), Arbitraries.of("application/json",
                "application/pdf", "text/plain", "application/x-www-form-urlencoded")).as((path, type) ->
                        new Upload(path, type, Fixtures.pdf(), Set.of("Content-Type"), "a body of type " + type));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, wrongType), net.jqwik.api.Tuple.of(1, empty),
                net.jqwik.api.Tuple.of(4, pathInName), net.jqwik.api.Tuple.of(2, badKind),
                net.jqwik.api.Tuple.of(1, missingPart), net.jqwik.api.Tuple.of(1, fileAsField),
                net.jqwik.api.Tuple.of(1, brokenMultipart), net.jqwik.api.Tuple.of(1, notMultipart));
    }

    private static Multipart multipart(String path, String fileName, String type, byte[] content) {
        Multipart m = new Multipart();
        if (path.equals("/materials")) {
            m.field("kind", "APPLICATION_FORM");
        }
        return m.file("file", fileName, type, content);
    }

    private static boolean allowedMagic(byte[] b) {
        return startsWith(b, '%', 'P', 'D', 'F', '-') || startsWith(b, 0x89, 'P', 'N', 'G')
                || startsWith(b, 0xFF, 0xD8, 0xFF);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        return b.length >= prefix.length && IntStream.range(0, prefix.length).allMatch(i -> (b[i] & 0xFF) == prefix[i]);
    }

    /** A multipart/form-data body written by hand, so file names and part headers go out exactly as given. */
    static final class Multipart {
        private final String boundary = "----hostile" + UUID.randomUUID().toString().replace("-", "");
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    // --- ids that are not ids -------------------------------------------------------------------------------------

    record Address(String user, String method, String path, String body) {
        @Override
        public String toString() {
            return user + " " + method + " " + path;
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void anIdThatNamesNothingIsNotFound(@ForAll("addresses") Address input) {
        refused(input.toString(), Set.of(), () -> {
            Answer answer = app.send(input.user(), input.method(), input.path(),
                    input.body() == null ? null : "application/json",
                    input.body() == null ? null : bytes(input.body()));
            assertThat(answer.status()).as("%s → %s", input, answer).isEqualTo(404);
            return answer;
        });
    }

    @Provide
    Arbitrary<Address> addresses() {
        Arbitrary<String> notAnId = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-', '_', '~')
                        .ofMinLength(1).ofMaxLength(60),
                Arbitraries.of("%3Cscript%3Ealert(1)%3C%2Fscript%3E".replace("%2F", ""), "%27%20OR%201%3D1",
                        "%E4%BD%A0%E5%A5%BD", "null", "undefined", "0", "-1", "1e10", "00000000-0000-0000-0000",
                        "00000000-0000-0000-0000-0000000000000", "g0000000-0000-0000-0000-000000000000"),
                Arbitraries.create(() -> UUID.randomUUID().toString()));
        Map<String, String> bodies = Map.of("/corrections", "{\"note\":\"n\"}", "/withdrawal",
                "{\"reason\":\"r\"}", "/bank-account",
                "{\"bank\":\"b\",\"accountName\":\"a\",\"accountNo\":\"1234567\"}");
        Arbitrary<Address> caseAddresses = Combinators.combine(notAnId, Arbitraries.of(
                "GET ", "GET /materials", "POST /materials/submission", "POST /corrections", "POST /withdrawal",
                "PUT /bank-account")).as((id, call) -> {
                    String[] parts = call.split(" ", 2);
                    return new Address("applicant", parts[0], "/api/cases/" + id + parts[1], bodies.get(parts[1]));
                });
        Arbitrary<Address> materialAddresses = notAnId.map(id -> new Address("applicant", "GET",
                "/api/cases/" + ownCase + "/materials/" + id, null));
        Arbitrary<Address> programAddresses = Combinators.combine(notAnId, Arbitraries.of("GET ", "GET /plan",
                "GET /plan.csv")).as((code, call) -> {
                    String[] parts = call.split(" ", 2);
                    return new Address("manager", parts[0], "/api/programs/" + code + parts[1], null);
                });
        // Never a number an entry of another test could have: only ids that cannot exist are deleted.
        Arbitrary<String> notAnEntry = Arbitraries.oneOf(notAnId.filter(id -> !id.matches("\\d+")),
                Arbitraries.of("0", "-1", "99999999999999", "99999999999999999999"));
        Arbitrary<Address> registryAddresses = Combinators.combine(notAnEntry, Arbitraries.of(true, false))
                .as((id, entry) -> entry
                        ? new Address("auditor", "DELETE", "/api/registries/FISCAL_ARREARS/" + id, null)
                        : new Address("auditor", "GET", "/api/registries/" + id, null));
        return Arbitraries.oneOf(caseAddresses, materialAddresses, programAddresses, registryAddresses);
    }

    /** An idempotency key that is blank or over 128 characters, or a query flag that is no boolean. */
    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void anUnusableHeaderOrQueryParameterIsRefusedNamingIt(@ForAll("headersAndParameters") Extra input) {
        refused(input.toString(), Set.of(input.field()), () -> {
            Answer answer = app.send("applicant", "POST", input.path(), "application/json",
                    bytes(Fixtures.applicationJson().toString()), input.headers());
            assertThat(answer.status()).as("%s → %s", input, answer).isEqualTo(400);
            return answer;
        });
    }

    /** A request with an unusable header or query parameter, and the name the refusal must give. */
    record Extra(String path, Map<String, String> headers, String field) {
        @Override
        public String toString() {
            return path + " " + headers.entrySet().stream().map(h -> h.getKey() + ": " + abbreviate(h.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    @Provide
    Arbitrary<Extra> headersAndParameters() {
        Arbitrary<Extra> keys = Arbitraries.oneOf(Arbitraries.of(" ", "   "), Arbitraries.strings().alpha().numeric()
                .withChars('-', '_').ofMinLength(129).ofMaxLength(2000)).map(key -> new Extra(
                        "/api/programs/" + program + "/applications", Map.of("Idempotency-Key", key),
                        "Idempotency-Key"));
        Arbitrary<Extra> explain = Arbitraries.of("maybe", "2", "yes%20please", "%3Cscript%3E", "tru").map(value ->
                new Extra("/api/programs/" + program + "/quote?explain=" + value, Map.of(), "explain"));
        return Arbitraries.oneOf(keys, explain);
    }

    /**
     * Acting for another enterprise is refused before anything is written: applicant2 filing under applicant's USCC,
     * uploading to, correcting, withdrawing or submitting applicant's case.
     */
    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void actingForAnotherEnterpriseLeavesNoTrace(@ForAll("otherEnterprisesActions") Address input) {
        refused(input.toString(), Set.of(), () -> {
            Answer answer;
            if (input.path().endsWith("/materials")) {
                Multipart m = new Multipart().field("kind", "APPLICATION_FORM").file("file", "scan.pdf",
                        "application/pdf", Fixtures.pdf());
                answer = app.send("applicant2", "POST", input.path(), m.contentType(), m.bytes());
            } else {
                answer = app.send("applicant2", input.method(), input.path(), "application/json",
                        input.body() == null ? null : bytes(input.body()));
            }
            assertThat(answer.status()).as("%s → %s", input, answer).isIn(403, 404);
            assertThat(answer.body()).doesNotContain(Fixtures.USCC).doesNotContain("Phnom Penh");
            return answer;
        });
    }

    @Provide
    Arbitrary<Address> otherEnterprisesActions() {
        return Arbitraries.of(
                new Address("applicant2", "POST", "/api/programs/" + program + "/applications",
                        Fixtures.applicationJson().toString()),
                new Address("applicant2", "POST", "/api/cases/" + ownCase + "/materials", null),
                new Address("applicant2", "POST", "/api/cases/" + ownCase + "/materials/submission", null),
                new Address("applicant2", "POST", "/api/cases/" + ownCase + "/corrections", "{\"note\":\"n\"}"),
                new Address("applicant2", "POST", "/api/cases/" + ownCase + "/withdrawal", "{\"reason\":\"r\"}"),
                new Address("applicant2", "PUT", "/api/cases/" + ownCase + "/bank-account",
                        "{\"bank\":\"b\",\"accountName\":\"a\",\"accountNo\":\"1234567\"}"),
                new Address("applicant2", "GET", "/api/cases/" + ownCase, null),
                new Address("applicant2", "GET", "/api/cases/" + ownCase + "/materials", null));
    }

    /** Addresses Spring Security's firewall refuses before any controller: a problem detail naming the path. */
    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void anAddressTheFirewallRefusesIsAProblemDetail(@ForAll("refusedAddresses") String path) {
        refused(path, Set.of("path"), () -> {
            Answer answer = app.send("applicant", "GET", path, null, null);
            assertThat(answer.status()).as("%s → %s", path, answer).isEqualTo(400);
            return answer;
        });
    }

    @Provide
    Arbitrary<String> refusedAddresses() {
        return Combinators.combine(Arbitraries.of("/api/cases/", "/api/programs/", "/api/registries/"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of(";jsessionid=x", ";a=b", "/%2e%2e/x", "/%2E", "%25", "%252F", "//x", "/./x"))
                .as((prefix, id, tail) -> prefix + id + tail);
    }

    // --- the check every input goes through -------------------------------------------------------------------------

    /**
     * Sends the input and checks the answer: a 4xx problem detail with a code; a 400 names one of the fields the
     * input broke, with a code for each error; a 415 names the Content-Type. Nothing was written.
     */
    private static void refused(String what, Set<String> fields, java.util.function.Supplier<Answer> request) {
        Map<String, Long> before = app.footprint();
        TRIED.incrementAndGet();
        try {
            check(what, fields, before, request.get());
        } catch (AssertionError | RuntimeException e) {
            NOT_REFUSED.incrementAndGet();
            throw e;
        }
    }

    private static void check(String what, Set<String> fields, Map<String, Long> before, Answer answer) {
        assertThat(answer.status()).as("%s → %s", what, answer).isBetween(400, 499);
        assertThat(answer.isProblem()).as("a problem detail for %s → %s", what, answer).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asText()).as("a code for %s → %s", what, answer).isNotBlank();
        if (answer.status() == 400 || answer.status() == 415) {
            List<JsonNode> errors = new ArrayList<>();
            problem.path("errors").forEach(errors::add);
            assertThat(errors).as("the fields at fault for %s → %s", what, answer).isNotEmpty();
            assertThat(errors).allSatisfy(error -> {
                assertThat(error.path("field").asText()).isNotBlank();
                assertThat(error.path("code").asText()).isNotBlank();
            });
            if (!fields.isEmpty()) {
                assertThat(errors).as("an error naming one of %s for %s → %s", fields, what, answer)
                        .anySatisfy(error -> assertThat(names(error.path("field").asText(), fields)).isTrue());
            }
        }
        assertThat(app.footprint()).as("nothing written for %s", what).isEqualTo(before);
    }

    private static boolean names(String field, Set<String> fields) {
        return fields.stream().anyMatch(f -> field.equals(f) || field.startsWith(f + ".") || field.startsWith(f + "["));
    }

    private static String stage(String caseId) {
        return app.json("applicant", "GET", "/api/cases/" + caseId, null).json().path("stage").asText();
    }

    // --- JSON tree paths like claims[1].amount.currency ---------------------------------------------------------------

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                steps.add(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return steps;
    }

    private static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : steps(path)) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node;
    }

    /** Puts the value at the path when its parent is there; false when it is not. */
    private static boolean put(ObjectNode root, String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.path(i) : parent.path((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.set(name, value);
            return true;
        }
        if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.set(index, value);
            return true;
        }
        return false;
    }

    private static boolean remove(ObjectNode root, String path) {
        List<Object> steps = steps(path);
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.path(i) : parent.path((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        return parent instanceof ObjectNode object && last instanceof String name && object.remove(name) != null;
    }

    private static String duplicateFirstKey(String valid) {
        int colon = valid.indexOf(':');
        String firstKey = valid.substring(1, colon);
        return "{" + firstKey + ":null," + valid.substring(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }
}
