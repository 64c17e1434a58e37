/**
 * Money, Shenzhen time and working days, identifiers and error answers shared by every feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.bureau.subsidy.common;

import org.springframework.modulith.ApplicationModule;
