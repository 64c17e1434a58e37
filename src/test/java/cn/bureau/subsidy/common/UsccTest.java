package cn.bureau.subsidy.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136T", "914403001922038216", "91440300MA5F000181", "91440300MA5F00026U"})
    void acceptsCodesWithTheirCheckCharacter(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
        assertThat(Uscc.isRegisteredInShenzhen(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136A", "91440300MA5F000182", "9144030070846113", "91440300708461136TX",
            "91440300I08461136T", "91440300o08461136T", ""})
    void refusesAWrongCheckCharacterLengthOrAlphabet(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000MA5F000181"})
    void knowsWhereAnEnterpriseIsRegistered(String code) {
        String valid = code.substring(0, 17) + checkCharacterFor(code.substring(0, 17));
        assertThat(Uscc.isValid(valid)).isTrue();
        assertThat(Uscc.isRegisteredInShenzhen(valid)).isFalse();
    }

    private static char checkCharacterFor(String first17) {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (Uscc.isValid(first17 + c)) {
                return c;
            }
        }
        throw new AssertionError("no check character");
    }
}
