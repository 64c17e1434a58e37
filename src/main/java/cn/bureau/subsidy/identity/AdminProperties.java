package cn.bureau.subsidy.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator of a production set-up (the demo set-up has its own demo users). */
@ConfigurationProperties("subsidy.admin")
record AdminProperties(String user, String password) {

    static final int MIN_PASSWORD_LENGTH = 12;
}
