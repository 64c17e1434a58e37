package cn.bureau.subsidy.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The embedded default's demo set-up: users with password {@code demo} and a demo program open for filing now. */
@ConfigurationProperties("subsidy.demo")
public record DemoProperties(boolean enabled) {
}
