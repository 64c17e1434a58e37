package cn.bureau.subsidy.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which deployed decisions a program uses, one per role. A program names only the roles it changes; the others keep
 * the keys of the 2026 guide's tables. A second program is configured by deploying its tables in {@code decisions/}
 * and naming their keys here, with no Java of its own.
 *
 * @param applicationEligibility COLLECT, once per application: reason codes with a level (also evaluated inside the
 *                               case at the qualification check)
 * @param claimEligibility       COLLECT, once per claim: reason codes with a level
 * @param supportRates           exactly one row per eligible claim: base rule, rate, base cap or award
 * @param interestRateCap        exactly one row per loan-interest claim: the capped rate
 * @param supportLimits          one row: minimum per claim, maximum per enterprise, in 万元
 * @param requiredMaterials      COLLECT by category: the materials checklist
 */
public record DecisionKeys(String applicationEligibility, String claimEligibility, String supportRates,
        String interestRateCap, String supportLimits, String requiredMaterials) {

    public static final String APPLICATION_ELIGIBILITY = "applicationEligibility";
    public static final String CLAIM_ELIGIBILITY = "claimEligibility";
    public static final String SUPPORT_RATES = "supportRates";
    public static final String INTEREST_RATE_CAP = "interestRateCap";
    public static final String SUPPORT_LIMITS = "supportLimits";
    public static final String REQUIRED_MATERIALS = "requiredMaterials";

    /** The roles a program can name, in the order a quote uses them. */
    public static final List<String> ROLES = List.of(APPLICATION_ELIGIBILITY, CLAIM_ELIGIBILITY, SUPPORT_RATES,
            INTEREST_RATE_CAP, SUPPORT_LIMITS, REQUIRED_MATERIALS);

    /** The tables of the 2026 guide (decisions/eligibility.dmn, support-rates.dmn, required-materials.dmn). */
    public static final DecisionKeys DEFAULTS = new DecisionKeys(QuoteService.APPLICATION_ELIGIBILITY,
            QuoteService.CLAIM_ELIGIBILITY, QuoteService.SUPPORT_RATES, QuoteService.INTEREST_RATE_CAP,
            QuoteService.SUPPORT_LIMITS, QuoteService.REQUIRED_MATERIALS);

    public DecisionKeys {
        Objects.requireNonNull(applicationEligibility, APPLICATION_ELIGIBILITY);
        Objects.requireNonNull(claimEligibility, CLAIM_ELIGIBILITY);
        Objects.requireNonNull(supportRates, SUPPORT_RATES);
        Objects.requireNonNull(interestRateCap, INTEREST_RATE_CAP);
        Objects.requireNonNull(supportLimits, SUPPORT_LIMITS);
        Objects.requireNonNull(requiredMaterials, REQUIRED_MATERIALS);
    }

    /**
     * The defaults with the roles {@code overrides} names replaced; null or empty keeps every default.
     *
     * @throws IllegalArgumentException for a role not in {@link #ROLES}
     */
    public static DecisionKeys of(Map<String, String> overrides) {
        Map<String, String> keys = DEFAULTS.asMap();
        if (overrides != null) {
            overrides.forEach((role, key) -> {
                if (!keys.containsKey(role)) {
                    throw new IllegalArgumentException("Unknown decision role " + role + "; roles are " + ROLES);
                }
                if (key != null && !key.isBlank()) {
                    keys.put(role, key.strip());
                }
            });
        }
        return new DecisionKeys(keys.get(APPLICATION_ELIGIBILITY), keys.get(CLAIM_ELIGIBILITY),
                keys.get(SUPPORT_RATES), keys.get(INTEREST_RATE_CAP), keys.get(SUPPORT_LIMITS),
                keys.get(REQUIRED_MATERIALS));
    }

    /** Role to key, in the order of {@link #ROLES}. */
    public Map<String, String> asMap() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(APPLICATION_ELIGIBILITY, applicationEligibility);
        keys.put(CLAIM_ELIGIBILITY, claimEligibility);
        keys.put(SUPPORT_RATES, supportRates);
        keys.put(INTEREST_RATE_CAP, interestRateCap);
        keys.put(SUPPORT_LIMITS, supportLimits);
        keys.put(REQUIRED_MATERIALS, requiredMaterials);
        return keys;
    }
}
