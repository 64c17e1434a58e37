package cn.bureau.subsidy.filing;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.bureau.subsidy.decision.Quote;

/**
 * The explanation of a case's latest quote as one JSON document: the case's own inputs, rules and figures (the
 * enterprise cap), then each claim's, in the order of the claims. Rows fired are named by their decision definition
 * and row id; their words stay in that deployed table. One document rather than one a claim, because PostgreSQL
 * compresses a value only in a row over 2 KB (see {@code V9__quote_explanation.sql}).
 */
@Entity
@Table(name = "quote_explanation")
class QuoteExplanation {

    @Id
    private UUID id;
    private String explanation;

    protected QuoteExplanation() {
    }

    QuoteExplanation(String explanation) {
        this.id = UUID.randomUUID();
        this.explanation = explanation;
    }

    void replaceWith(String explanation) {
        this.explanation = explanation;
    }

    /** The document's shape. */
    record Document(Quote.Explanation application, List<Quote.Explanation> claims) {

        static Document of(Quote quote) {
            return new Document(quote.explanation().withoutAnnotations(),
                    quote.claims().stream().map(claim -> claim.explanation().withoutAnnotations()).toList());
        }
    }
}
