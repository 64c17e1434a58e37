package cn.bureau.subsidy.common;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character
 * over the first seventeen.
 */
public final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** Digits 3–8 are the administrative division of registration; Shenzhen's start with 4403. */
    private static final String SHENZHEN_DIVISION_PREFIX = "4403";

    private Uscc() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check);
    }

    public static boolean isRegisteredInShenzhen(String code) {
        return isValid(code) && code.substring(2, 8).startsWith(SHENZHEN_DIVISION_PREFIX);
    }
}
