package cn.bureau.subsidy.filing;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.decision.Quote;
import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/** Quotes a case with the deployed decisions and keeps the result, with its explanation, on the case. */
@Component
class CaseQuotes {

    private final QuoteService quotes;
    private final ProgramRepository programs;
    private final ObjectMapper json;

    CaseQuotes(QuoteService quotes, ProgramRepository programs, ObjectMapper json) {
        this.quotes = quotes;
        this.programs = programs;
        this.json = json;
    }

    Quote quote(Program program, ApplicationForm form) {
        return quotes.quote(CaseFacts.of(program), CaseFacts.of(form));
    }

    /** Quotes the stored case as it stands (audited amounts where the audit recorded them) and keeps the result. */
    void requote(Application application) {
        requote(application, programs.findById(application.getProgramId()).orElseThrow());
    }

    void requote(Application application, Program program) {
        application.quoted(quotes.quote(CaseFacts.of(program), CaseFacts.of(application)), this::toJson);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A quote's explanation is plain data", e);
        }
    }
}
