package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A program as the contract's {@code POST /api/programs} body. */
public record ProgramRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}") String code,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(2000) @Max(2100) Integer supportYear,
        @NotNull OffsetDateTime filingOpensAt,
        @NotNull OffsetDateTime filingClosesAt,
        @NotNull OffsetDateTime materialsCloseAt,
        @NotNull @PositiveOrZero @Max(100_000_000) BigDecimal budgetWan,
        @NotNull Map<String, BigDecimal> fxRatesToCny,
        @NotNull Map<String, BigDecimal> lprPercent) {
}
