package cn.bureau.subsidy.filing;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.common.Turns;

/**
 * Quotes and filings take turns ({@link Turns}), each with permits of its own, so that a rush of one leaves web
 * threads and cores for the other and for the officers. A quote is CPU alone: one at a time a core. A filing also
 * waits for the database and its commit, so a few a core keep the cores busy meanwhile. Both are safe to send again
 * when refused: a quote changes nothing, a filing carries its idempotency key. The filters run before the audit
 * trail's and Spring Security's, so a request's turn covers its login, JSON, validation and work.
 */
@Configuration(proxyBeanMethods = false)
class FilingTurns {

    private static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 2;

    @Bean
    FilterRegistrationBean<Turns> quotesTakeTurns(@Value("${subsidy.quotes.turns-per-core:1}") int perCore,
            @Value("${subsidy.quotes.max-wait:PT10S}") Duration maxWait, ObjectMapper json) {
        return registration("quote-turns", new Turns(HttpMethod.POST, "/quote", permits(perCore), maxWait,
                "QUOTES_BUSY", json));
    }

    @Bean
    FilterRegistrationBean<Turns> filingsTakeTurns(@Value("${subsidy.filings.turns-per-core:4}") int perCore,
            @Value("${subsidy.filings.max-wait:PT30S}") Duration maxWait, ObjectMapper json) {
        return registration("filing-turns", new Turns(HttpMethod.POST, "/applications", permits(perCore), maxWait,
                "FILINGS_BUSY", json));
    }

    private static int permits(int perCore) {
        return Math.max(1, perCore) * Runtime.getRuntime().availableProcessors();
    }

    private static FilterRegistrationBean<Turns> registration(String name, Turns turns) {
        FilterRegistrationBean<Turns> registration = new FilterRegistrationBean<>(turns);
        registration.setName(name);
        registration.addUrlPatterns("/api/programs/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
