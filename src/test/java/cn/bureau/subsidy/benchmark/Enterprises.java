package cn.bureau.subsidy.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.filing.ApplicationForm;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * Many enterprises filing at once: each an applicant login bound to a Shenzhen USCC of its own, filing the contract's
 * example body under its own code and name.
 */
final class Enterprises {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Caller> callers = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();

    /** {@code count} enterprises whose logins start with {@code prefix}, as Camunda users bound to their USCC. */
    Enterprises(String prefix, int count, IdentityService identity, JdbcTemplate jdbc) {
        for (int i = 0; i < count; i++) {
            String userId = prefix + "-" + i;
            String uscc = uscc(prefix.hashCode() & 0xffff, i);
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setPassword(Loopback.PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, Groups.APPLICANTS);
                jdbc.update("insert into applicant_binding (user_id, uscc) values (?, ?)", userId, uscc);
            }
            callers.add(new Caller(userId, Set.of(Groups.APPLICANTS), Optional.of(uscc)));
            ObjectNode body = Fixtures.applicationJson();
            ((ObjectNode) body.get("applicant")).put("uscc", uscc).put("name", "Enterprise " + uscc + " Co., Ltd.");
            ((ObjectNode) body.at("/applicant/bankAccount")).put("accountName", "Enterprise " + uscc + " Co., Ltd.");
            try {
                bodies.add(JSON.writeValueAsBytes(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    int size() {
        return callers.size();
    }

    Caller caller(int index) {
        return callers.get(index % callers.size());
    }

    /** The enterprise's filing, as the JSON an applicant sends. */
    byte[] body(int index) {
        return bodies.get(index % bodies.size());
    }

    /** The enterprise's filing, as the service takes it. */
    ApplicationForm form(int index) {
        try {
            return Fixtures.form((ObjectNode) JSON.readTree(body(index)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid Shenzhen USCC: 91 (enterprise), division 440300, a nine-character organisation code, check char. */
    static String uscc(int series, int number) {
        String base = "91440300" + "%04X%05d".formatted(series, number);
        for (char check : ALPHABET.toCharArray()) {
            if (Uscc.isValid(base + check)) {
                return base + check;
            }
        }
        throw new IllegalStateException("No check character for " + base);
    }
}
