package cn.bureau.subsidy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature of the guide is a module; they depend on each other's published types only, without cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(SubsidyApplication.class).verify();
    }
}
