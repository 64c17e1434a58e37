package cn.bureau.subsidy.filing;

import org.springframework.context.ApplicationContext;

import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/** Quotes in-process as the quote endpoint does after validation: the deployed tables on the standalone DMN engine. */
public final class QuoteWorkload {

    private final CaseQuotes quotes;
    private final Program program;
    private final ApplicationForm form;

    public QuoteWorkload(ApplicationContext context, String programCode, ApplicationForm form) {
        this.quotes = context.getBean(CaseQuotes.class);
        this.program = context.getBean(ProgramRepository.class).findByCode(programCode).orElseThrow();
        this.form = form;
    }

    /** Quotes the application once and returns how many claims were evaluated. */
    public int quote() {
        return quotes.quote(program, form).claims().size();
    }
}
