package cn.bureau.subsidy.common;

import java.io.IOException;
import java.time.OffsetDateTime;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * What a JSON body may hold where the contract expects text or a yes/no. Text is plain: no control characters
 * other than tab and line breaks, no broken UTF-16 (PostgreSQL refuses NUL in text, and a lone surrogate is silently
 * stored as '?'). A declaration is a JSON {@code true} or {@code false}, never {@code 1} or {@code "yes"}; a text
 * field takes a JSON string, not a number; a date or time an ISO-8601 string, not a count of days or seconds.
 */
@Configuration(proxyBeanMethods = false)
public class PlainText {

    /** Refused text; {@link ProblemAdvice} answers it as {@code INVALID_CHARACTERS} on the field. */
    static final class ControlCharacters extends InvalidFormatException {
        ControlCharacters(JsonParser parser, String value) {
            super(parser, "Control characters or broken Unicode in text", value, String.class);
        }
    }

    public static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {
        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !isPlain(value)) {
                throw new ControlCharacters(parser, value);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * A time read from an ISO-8601 string only. The offset date-time reader takes a number as seconds since 1970 and
     * does not consult the coercion settings below, so 946684800 opened a filing window on 2000-01-01.
     */
    static final class IsoOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {
        IsoOffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /**
     * Spring Boot installs every {@link com.fasterxml.jackson.databind.Module} bean in its object mapper, after the
     * well-known ones (Java time), so these readers take precedence.
     */
    @Bean
    SimpleModule plainTextModule() {
        return new SimpleModule("plain-text").addDeserializer(String.class, new PlainTextDeserializer())
                .addDeserializer(OffsetDateTime.class, new IsoOffsetDateTimeDeserializer());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    // A date is an ISO-8601 string: 0 is not 1970-01-01, nor 1776268800 a day in April 2026.
                    mapper.coercionConfigFor(LogicalType.DateTime)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }
}
