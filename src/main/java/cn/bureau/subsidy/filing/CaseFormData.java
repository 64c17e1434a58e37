package cn.bureau.subsidy.filing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
    /** Each value a form may name, computed only for a form that names it: the checklist evaluates a decision. */
    private final Map<String, Function<Application, Object>> fields = new LinkedHashMap<>();

    CaseFormData(ApplicationRepository applications, MaterialRepository materials, ProgramRepository programs,
            QuoteService quotes) {
        this.applications = applications;
        this.materials = materials;
        this.programs = programs;
        this.quotes = quotes;
        fields.put(ENTERPRISE_NAME, Application::getEnterpriseName);
        fields.put(PROJECT_NAME, Application::getProjectName);
        fields.put(BUSINESS_KEY, Application::getBusinessKey);
        fields.put(CLAIM_COUNT, application -> application.getClaims().size());
        fields.put(CLAIM_SUMMARY, application -> application.getClaims().stream()
                .map(c -> "%d. %s %s %s paid %s".formatted(c.getPosition(), c.getCategory(),
                        c.getAmount().toPlainString(), c.getCurrency(), c.getPaidOn()))
                .collect(Collectors.joining("\n")));
        fields.put(MATERIALS_SUMMARY, application -> materials.findByApplicationIdOrderByUploadedAt(application.getId())
                .stream()
                .map(m -> "%s: %s (%d bytes, sha256 %s…) %s".formatted(m.kind(), m.fileName(), m.sizeBytes(),
                        m.sha256().substring(0, 12), ShenzhenTime.at(m.uploadedAt())))
                .collect(Collectors.joining("\n")));
        fields.put(REQUIRED_MATERIALS, application -> requiredMaterials(application).stream()
                .map(item -> "- %s (%s)".formatted(item.name(), item.code()))
                .collect(Collectors.joining("\n")));
    }

    /**
     * Every value by the names the forms use, of the case with this id; none when there is no such case. Tasklist
     * asks for a task's form variables without naming them.
     */
    Map<String, Object> of(String applicationId) {
        return applications.findById(UUID.fromString(applicationId))
                .map(application -> of(application, fields.keySet())).orElse(Map.of());
    }

    /** The values of those names that are the case's, of this case. */
    Map<String, Object> of(Application application, Collection<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (names.contains(name)) {
                values.put(name, value.apply(application));
            }
        });
        return values;
    }

    /** Guide 六 for this case's categories, from the required-materials decision deployed with its program. */
    List<RequiredMaterial> requiredMaterials(Application application) {
        Program program = programs.findById(application.getProgramId()).orElseThrow();
        return quotes.requiredMaterials(DecisionKeys.of(program.getDecisions()),
                application.getClaims().stream().map(Claim::getCategory).toList());
    }
}
