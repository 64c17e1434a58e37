package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A program as the contract's {@code POST /api/programs} body. Two optional fields configure a program that is not
 * the 2026 guide: {@code categories} (the claim categories it offers; default the guide's four) and
 * {@code decisions} (role to deployed decision key, e.g. {@code "supportRates": "Decision_ContractingAward"}; the
 * roles left out use the guide's tables).
 */
public record ProgramRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}") String code,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(2000) @Max(2100) Integer supportYear,
        @NotNull OffsetDateTime filingOpensAt,
        @NotNull OffsetDateTime filingClosesAt,
        @NotNull OffsetDateTime materialsCloseAt,
        @NotNull @PositiveOrZero @Max(100_000_000) BigDecimal budgetWan,
        @NotNull Map<String, BigDecimal> fxRatesToCny,
        @NotNull Map<String, BigDecimal> lprPercent,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> categories,
        @Size(max = 12) Map<String, @NotBlank @Size(max = 255) String> decisions) {

    /** A program on the 2026 guide's categories and tables. */
    public ProgramRequest(String code, String title, Integer supportYear, OffsetDateTime filingOpensAt,
            OffsetDateTime filingClosesAt, OffsetDateTime materialsCloseAt, BigDecimal budgetWan,
            Map<String, BigDecimal> fxRatesToCny, Map<String, BigDecimal> lprPercent) {
        this(code, title, supportYear, filingOpensAt, filingClosesAt, materialsCloseAt, budgetWan, fxRatesToCny,
                lprPercent, null, null);
    }
}
