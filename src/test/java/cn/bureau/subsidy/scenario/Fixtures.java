package cn.bureau.subsidy.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.filing.ApplicationForm;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.program.ProgramRequest;

/** The guide's 2026 program and the contract's example application, as the tests file them. */
public final class Fixtures {

    public static final String USCC = "91440300MA5F000181";
    public static final String OTHER_USCC = "91440300MA5F00026U";
    public static final Caller APPLICANT = new Caller("applicant", Set.of(Groups.APPLICANTS), Optional.of(USCC));
    public static final Caller MANAGER = new Caller("manager", Set.of(Groups.PROGRAM_MANAGERS), Optional.empty());
    public static final Instant DURING_FILING = OffsetDateTime.parse("2026-04-20T10:00:00+08:00").toInstant();
    public static final Instant FILING_CLOSES = OffsetDateTime.parse("2026-04-30T18:00:00+08:00").toInstant();
    /** The simulated treasury refuses accounts starting with 0000. */
    public static final String REFUSED_ACCOUNT = "0000123456";

    private static final AtomicInteger PROGRAMS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Fixtures() {
    }

    /** A fresh program code, so that every test has a program of its own. */
    public static String programCode() {
        return "T-%d-%d".formatted(System.nanoTime() % 1_000_000_000L, PROGRAMS.incrementAndGet());
    }

    public static ProgramRequest program(String code) {
        return new ProgramRequest(code, "2026 central funds for outbound investment cooperation", 2025,
                OffsetDateTime.parse("2026-04-16T00:00:00+08:00"), OffsetDateTime.parse("2026-04-30T18:00:00+08:00"),
                OffsetDateTime.parse("2026-05-07T17:45:00+08:00"), BigDecimal.valueOf(5000),
                Map.of("USD", new BigDecimal("7.0288")), Map.of("1Y", new BigDecimal("3.0"), "5Y", new BigDecimal("3.5")));
    }

    /** A program whose online filing is open now, in real time (for a browser that keeps its own clock). */
    public static ProgramRequest programOpenNow(String code) {
        OffsetDateTime now = OffsetDateTime.now(ShenzhenTime.ZONE);
        return new ProgramRequest(code, "2026 central funds for outbound investment cooperation", 2025,
                now.minusDays(1), now.plusDays(14), now.plusDays(21), BigDecimal.valueOf(5000),
                Map.of("USD", new BigDecimal("7.0288")), Map.of("1Y", new BigDecimal("3.0"), "5Y", new BigDecimal("3.5")));
    }

    /** The contract's example body, as JSON. */
    public static ObjectNode applicationJson() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/contract/application.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApplicationForm application() {
        return form(applicationJson());
    }

    public static ApplicationForm applicationPayingTo(String accountNo) {
        ObjectNode json = applicationJson();
        ((ObjectNode) json.at("/applicant/bankAccount")).put("accountNo", accountNo);
        return form(json);
    }

    public static ApplicationForm form(ObjectNode json) {
        try {
            return JSON.treeToValue(json, ApplicationForm.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n% a page of the application\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
