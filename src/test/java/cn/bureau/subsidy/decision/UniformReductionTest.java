package cn.bureau.subsidy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class UniformReductionTest {

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    @Test
    void theGuidesEnterpriseExample() {
        UniformReduction.Result result = UniformReduction.apply(wan(800, 500), BigDecimal.valueOf(1000), FIVE);

        assertThat(result.amounts()).usingElementComparator(BigDecimal::compareTo).containsExactly(wan(615, 384)
                .toArray(BigDecimal[]::new));
        assertThat(result.rounds()).hasSize(1);
    }

    @Test
    void withinTheCeilingNothingChanges() {
        UniformReduction.Result result = UniformReduction.apply(wan(600, 400), BigDecimal.valueOf(1000), FIVE);

        assertThat(result.amounts()).isEqualTo(wan(600, 400));
        assertThat(result.rounds()).singleElement().extracting(UniformReduction.Round::scaled).isEqualTo(false);
    }

    @Test
    void linesThatFallBelowTheMinimumDropAndTheRatioIsRecomputed() {
        // r = 100 / 110: 90, 4, 4 → both small lines drop; r = 100 / 100: the first line keeps 100.
        UniformReduction.Result result = UniformReduction.apply(wan(100, 5, 5), BigDecimal.valueOf(100), FIVE);

        assertThat(result.amounts()).isEqualTo(wan(100, 0, 0));
        assertThat(result.rounds()).extracting(UniformReduction.Round::dropped)
                .containsExactly(List.of(1, 2), List.of());
    }

    @Test
    void amountsBelowTheMinimumFromTheStartAreZero() {
        UniformReduction.Result result = UniformReduction.apply(wan(3, 0, 50), BigDecimal.valueOf(1000), FIVE);

        assertThat(result.amounts()).isEqualTo(wan(0, 0, 50));
        assertThat(result.belowMinimumAtStart()).containsExactly(0);
    }

    @Test
    void aZeroCeilingLeavesNothing() {
        assertThat(UniformReduction.apply(wan(10, 20), BigDecimal.ZERO, FIVE).amounts()).isEqualTo(wan(0, 0));
    }

    private static List<BigDecimal> wan(long... amounts) {
        return Arrays.stream(amounts).mapToObj(BigDecimal::valueOf).toList();
    }
}
