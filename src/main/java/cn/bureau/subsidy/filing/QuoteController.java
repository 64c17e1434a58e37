package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.decision.Quote;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.PublishedPrograms;
import jakarta.validation.Valid;

/** {@code POST /api/programs/{code}/quote}: what an application would get, changing nothing. */
@RestController
class QuoteController {

    /** The contract's quote; with {@code ?explain=true} each claim and the whole also say how they were reached. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuoteView(boolean eligible, List<String> reasons, List<ClaimView> claims, BigDecimal totalWan,
            Quote.Explanation explanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClaimView(String category, boolean eligible, List<String> reasons, BigDecimal supportWan,
            Quote.Explanation explanation) {
    }

    private final PublishedPrograms programs;
    private final ApplicationValidator validator;
    private final CaseQuotes quotes;

    QuoteController(PublishedPrograms programs, ApplicationValidator validator, CaseQuotes quotes) {
        this.programs = programs;
        this.validator = validator;
        this.quotes = quotes;
    }

    @PostMapping("/api/programs/{code}/quote")
    QuoteView quote(@PathVariable String code, @Valid @RequestBody ApplicationForm form,
            @RequestParam(defaultValue = "false") boolean explain) {
        Program program = programs.byCode(code).orElseThrow(() -> ApiException.notFound("Program", code));
        validator.validate(form, program, false);
        Quote quote = quotes.quote(program, form);
        return new QuoteView(quote.eligible(), quote.reasons(), quote.claims().stream()
                .map(c -> new ClaimView(c.category(), c.eligible(), c.reasons(), c.supportWan(),
                        explain ? c.explanation() : null))
                .toList(), quote.totalWan(), explain ? quote.explanation() : null);
    }
}
