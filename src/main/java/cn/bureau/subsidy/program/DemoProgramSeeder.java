package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.DemoProperties;
import cn.bureau.subsidy.identity.Groups;

/**
 * The demo 2026 program on the embedded default: the guide's parameters, with its filing window moved to open
 * today (the guide's own window, 2026-04-16 to 04-30 18:00, is two weeks long and so is this one), so a newcomer
 * can file at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DemoProgramSeeder implements ApplicationRunner {

    static final String CODE = "SZ-2026-OFI";
    private static final Caller PUBLISHER = new Caller("manager", Set.of(Groups.PROGRAM_MANAGERS), Optional.empty());
    private static final Logger log = LoggerFactory.getLogger(DemoProgramSeeder.class);

    private final DemoProperties demo;
    private final ProgramRepository programs;
    private final ProgramPublisher publisher;

    DemoProgramSeeder(DemoProperties demo, ProgramRepository programs, ProgramPublisher publisher) {
        this.demo = demo;
        this.programs = programs;
        this.publisher = publisher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || programs.existsByCode(CODE)) {
            return;
        }
        LocalDate today = ShenzhenTime.today();
        OffsetDateTime opens = today.atStartOfDay(ShenzhenTime.ZONE).toOffsetDateTime();
        OffsetDateTime closes = today.plusDays(14).atTime(LocalTime.of(18, 0)).atZone(ShenzhenTime.ZONE)
                .toOffsetDateTime();
        OffsetDateTime materialsClose = today.plusDays(21).atTime(LocalTime.of(17, 45)).atZone(ShenzhenTime.ZONE)
                .toOffsetDateTime();
        publisher.publish(new ProgramRequest(CODE, "2026 central funds for outbound investment cooperation (demo)",
                2025, opens, closes, materialsClose, BigDecimal.valueOf(5000), Map.of("USD", new BigDecimal("7.0288")),
                Map.of("1Y", new BigDecimal("3.0"), "5Y", new BigDecimal("3.5"))), PUBLISHER);
        log.info("Demo program {} published: online filing open {} to {}, materials until {}", CODE, opens, closes,
                materialsClose);
    }
}
