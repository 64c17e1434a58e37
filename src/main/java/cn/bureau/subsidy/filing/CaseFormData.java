package cn.bureau.subsidy.filing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.decision.DecisionKeys;
import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.decision.RequiredMaterial;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/**
 * What the case's task forms show of the case ({@code {{enterpriseName}}}, {@code {{claimSummary}}}, …), read from
 * the case record when a form is opened, in Tasklist ({@link CaseFormPlugin}) as in the portal. The process carries
 * the case's id, not copies of its data: no variable rows a case for them, none loaded with every variable the
 * process reads, and a form always shows the materials as uploaded so far.
 */
@Service
@Transactional(readOnly = true)
class CaseFormData {

    static final String ENTERPRISE_NAME = "enterpriseName";
    static final String PROJECT_NAME = "projectName";
    static final String BUSINESS_KEY = "businessKey";
    static final String CLAIM_COUNT = "claimCount";
    static final String CLAIM_SUMMARY = "claimSummary";
    static final String MATERIALS_SUMMARY = "materialsSummary";
    static final String REQUIRED_MATERIALS = "requiredMaterials";

    private final ApplicationRepository applications;
    private final MaterialRepository materials;
    private final ProgramRepository programs;
    private final QuoteService quotes;

    CaseFormData(ApplicationRepository applications, MaterialRepository materials, ProgramRepository programs,
            QuoteService quotes) {
        this.applications = applications;
        this.materials = materials;
        this.programs = programs;
        this.quotes = quotes;
    }

    /** The values by the names the forms use, of the case with this id; none when there is no such case. */
    Map<String, Object> of(String applicationId) {
        return applications.findById(UUID.fromString(applicationId)).map(this::of).orElse(Map.of());
    }

    Map<String, Object> of(Application application) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ENTERPRISE_NAME, application.getEnterpriseName());
        values.put(PROJECT_NAME, application.getProjectName());
        values.put(BUSINESS_KEY, application.getBusinessKey());
        values.put(CLAIM_COUNT, application.getClaims().size());
        values.put(CLAIM_SUMMARY, application.getClaims().stream()
                .map(c -> "%d. %s %s %s paid %s".formatted(c.getPosition(), c.getCategory(),
                        c.getAmount().toPlainString(), c.getCurrency(), c.getPaidOn()))
                .collect(Collectors.joining("\n")));
        values.put(MATERIALS_SUMMARY, materials.findByApplicationIdOrderByUploadedAt(application.getId()).stream()
                .map(m -> "%s: %s (%d bytes, sha256 %s…) %s".formatted(m.kind(), m.fileName(), m.sizeBytes(),
                        m.sha256().substring(0, 12), ShenzhenTime.at(m.uploadedAt())))
                .collect(Collectors.joining("\n")));
        values.put(REQUIRED_MATERIALS, requiredMaterials(application).stream()
                .map(item -> "- %s (%s)".formatted(item.name(), item.code()))
                .collect(Collectors.joining("\n")));
        return values;
    }

    /** Guide 六 for this case's categories, from the required-materials decision deployed with its program. */
    List<RequiredMaterial> requiredMaterials(Application application) {
        Program program = programs.findById(application.getProgramId()).orElseThrow();
        return quotes.requiredMaterials(DecisionKeys.of(program.getDecisions()),
                application.getClaims().stream().map(Claim::getCategory).toList());
    }
}
