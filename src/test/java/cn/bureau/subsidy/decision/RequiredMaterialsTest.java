package cn.bureau.subsidy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The checklist of guide 六 as the quote service answers it from {@code required-materials.dmn}. */
class RequiredMaterialsTest {

    private static final QuoteService quotes = new QuoteService(new FileDecisions());

    @Test
    void theBasicMaterialsComeFirstThenEachCategoryInGuideOrder() {
        List<RequiredMaterial> materials = quotes.requiredMaterials(
                EnumSet.of(SupportCategory.ZONE_INFRASTRUCTURE, SupportCategory.PRE_PROJECT_FEES));

        assertThat(materials).extracting(RequiredMaterial::appliesTo).containsExactly(
                "ALL", "ALL", "ALL", "ALL", "ALL", "ALL",
                "PRE_PROJECT_FEES", "PRE_PROJECT_FEES", "PRE_PROJECT_FEES", "PRE_PROJECT_FEES",
                "ZONE_INFRASTRUCTURE", "ZONE_INFRASTRUCTURE", "ZONE_INFRASTRUCTURE", "ZONE_INFRASTRUCTURE");
        assertThat(materials.get(0)).isEqualTo(new RequiredMaterial("APPLICATION_FORM",
                "通过广东政务服务网在线填报并打印的申请书纸质文件原件", "ALL"));
        assertThat(materials).extracting(RequiredMaterial::code).doesNotHaveDuplicates();
    }

    @Test
    void everyCategoryHasItsOwnList() {
        assertThat(quotes.requiredMaterials(Set.of(SupportCategory.LOAN_INTEREST)))
                .filteredOn(m -> m.appliesTo().equals("LOAN_INTEREST"))
                .extracting(RequiredMaterial::name)
                .containsExactly("银行贷款利息支付的票据凭证复印件", "银行放款通知书、贷款本金放款的票据凭证复印件",
                        "贷款合同复印件（合同未标识此贷款用于对外承包工程或境外投资项目的，另附贷款本金与境外项目划转的凭证）",
                        "贷款利息贴息计算明细表");
        assertThat(quotes.requiredMaterials(Set.of(SupportCategory.INSURANCE_PREMIUM)))
                .filteredOn(m -> m.appliesTo().equals("INSURANCE_PREMIUM")).hasSize(3);
        assertThat(quotes.requiredMaterials(Set.of())).hasSize(6)
                .allSatisfy(m -> assertThat(m.appliesTo()).isEqualTo(RequiredMaterial.ALL));
    }

    @Test
    void theLimitsComeFromTheTable() {
        SupportLimits limits = quotes.supportLimits();

        assertThat(limits.minimumWan()).isEqualByComparingTo("5");
        assertThat(limits.enterpriseMaximumWan()).isEqualByComparingTo("1000");
    }
}
