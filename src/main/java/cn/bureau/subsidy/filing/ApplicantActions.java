package cn.bureau.subsidy.filing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.EngineCaller;

/**
 * What an applicant does on its own case (stages 4 and 11, corrections, withdrawal): each action completes the
 * task the case waits at, or is refused with 409 when the case is not waiting for it.
 */
@Service
@Transactional
public class ApplicantActions {

    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    static final String DISBURSEMENT_DOCUMENT = "DISBURSEMENT_DOCUMENT";

    private final ApplicationRepository applications;
    private final MaterialRepository materials;
    private final CaseStages cases;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineCaller engine;
    private final MaterialScanner scanner;

    ApplicantActions(ApplicationRepository applications, MaterialRepository materials, CaseStages cases,
            TaskService taskService, RuntimeService runtimeService, EngineCaller engine, MaterialScanner scanner) {
        this.applications = applications;
        this.materials = materials;
        this.cases = cases;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.scanner = scanner;
    }

    /** The case, when the caller may see it: staff see every case, an applicant only its own enterprise's. */
    @Transactional(readOnly = true)
    public Application visibleCase(String caseId, Caller caller) {
        Application application = applications.findById(parse(caseId))
                .orElseThrow(() -> ApiException.notFound("Case", caseId));
        if (caller.isStaff() || caller.actsFor(application.getUscc())) {
            return application;
        }
        throw ApiException.forbidden("This case belongs to another enterprise");
    }

    Application ownCase(String caseId, Caller caller) {
        Application application = visibleCase(caseId, caller);
        if (!caller.actsFor(application.getUscc())) {
            throw ApiException.forbidden("Only the applicant acts on its case");
        }
        return application;
    }

    public Material upload(String caseId, Caller caller, String kind, String fileName, byte[] content) {
        Application application = ownCase(caseId, caller);
        if (application.getOutcome() != null) {
            throw ApiException.conflict("CASE_CLOSED", "The case is closed");
        }
        String contentType = UploadRules.contentType(fileName, content);
        scanner.threatIn(fileName, content).ifPresent(threat -> {
            throw ApiException.invalid("file", "MALWARE_FOUND", "The virus scan found " + threat + " in this file");
        });
        return materials.save(new Material(application.getId(), kind, fileName, contentType, content,
                sha256(content), ShenzhenTime.now(), caller.userId(), application.getStage()));
    }

    public void submitMaterials(String caseId, Caller caller) {
        Application application = ownCase(caseId, caller);
        if (!materials.existsByApplicationId(application.getId())) {
            throw ApiException.invalid("materials", "NO_MATERIALS", "Upload the materials before submitting them");
        }
        complete(caller, application, Set.of(CaseProcess.TASK_SUBMIT_MATERIALS), Map.of("materialsConfirmed", true));
    }

    public void answerCorrection(String caseId, Caller caller, String note) {
        complete(caller, ownCase(caseId, caller), CaseProcess.CORRECTION_TASKS, Map.of("note", note));
    }

    public void submitDisbursementDocuments(String caseId, Caller caller, String fileName, byte[] content) {
        Application application = ownCase(caseId, caller);
        // A file the bureau never accepts is refused as such, whatever the case is waiting for.
        UploadRules.contentType(fileName, content);
        Task task = waitingAt(application, Set.of(CaseProcess.TASK_SUBMIT_DISBURSEMENT_DOCUMENTS));
        upload(caseId, caller, DISBURSEMENT_DOCUMENT, fileName, content);
        engine.run(caller, () -> taskService.complete(task.getId(), Map.of("documentsConfirmed", true)));
    }

    /** Guide §6: after a failed payment the applicant corrects the account once, and the payment is retried once. */
    public void correctBankAccount(String caseId, Caller caller, String bank, String accountName, String accountNo) {
        Application application = ownCase(caseId, caller);
        Task task = waitingAt(application, Set.of(CaseProcess.TASK_CORRECT_BANK_ACCOUNT));
        cases.correctBankAccount(application.getId().toString(), bank, accountName, accountNo);
        engine.run(caller, () -> taskService.complete(task.getId(), Map.of("bank", bank, "accountName", accountName,
                "accountNo", accountNo, CaseProcess.VAR_PAYMENT_ATTEMPT, 2)));
    }

    public void withdraw(String caseId, Caller caller, String reason) {
        Application application = ownCase(caseId, caller);
        if (CaseProcess.NO_WITHDRAWAL_STAGES.contains(application.getStage())) {
            throw ApiException.conflict("CANNOT_WITHDRAW", "A case cannot be withdrawn at stage "
                    + application.getStage());
        }
        cases.closeWith(application.getId().toString(), reason);
        engine.run(caller, () -> runtimeService.createMessageCorrelation(CaseProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(application.getProcessInstanceId())
                .correlate());
    }

    @Transactional(readOnly = true)
    List<MaterialFile> materialsOf(Application application) {
        return materials.findByApplicationIdOrderByUploadedAt(application.getId());
    }

    @Transactional(readOnly = true)
    Material material(Application application, String materialId) {
        return materials.findById(parse(materialId))
                .filter(m -> m.getApplicationId().equals(application.getId()))
                .orElseThrow(() -> ApiException.notFound("Material", materialId));
    }

    private void complete(Caller caller, Application application, Set<String> taskKeys,
            Map<String, Object> variables) {
        Task task = waitingAt(application, taskKeys);
        engine.run(caller, () -> taskService.complete(task.getId(), variables));
    }

    private Task waitingAt(Application application, Set<String> taskKeys) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId()).list().stream()
                .filter(task -> taskKeys.contains(task.getTaskDefinitionKey()))
                .findFirst()
                .orElseThrow(() -> ApiException.conflict("NOT_WAITING",
                        "The case is not waiting for this; it is at stage " + application.getStage()));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ApiException.notFound("Case or material", id);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
