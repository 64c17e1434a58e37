package cn.bureau.subsidy.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/**
 * What the applicant portal reads: the enterprise's cases, the task a case waits for the applicant with its Camunda
 * Form (the deployed file Tasklist renders too), the materials checklist of the required-materials decision, and the
 * application form.
 */
@Service
@Transactional(readOnly = true)
class ApplicantPortal {

    static final String APPLICATION_FORM = "forms/application.form";
    /** The names a form reads: its fields' keys (first segment of a path) and the variables of its templates. */
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    record CaseSummary(String caseId, String businessKey, String programCode, String projectName, String stage,
            String outcome, OffsetDateTime filedAt) {
    }

    record TaskView(String taskId, String taskKey, String name, OffsetDateTime dueAt, JsonNode form,
            Map<String, Object> data) {
    }

    record ChecklistItem(String code, String name, String appliesTo, List<ApplicantActionsController.MaterialView> files) {
    }

    private final ApplicationRepository applications;
    private final ApplicantActions actions;
    private final ProgramRepository programs;
    private final CaseFormData caseForms;
    private final TaskService taskService;
    private final FormService formService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ObjectMapper json;

    ApplicantPortal(ApplicationRepository applications, ApplicantActions actions, ProgramRepository programs,
            CaseFormData caseForms, TaskService taskService, FormService formService, RuntimeService runtimeService,
            RepositoryService repositoryService, ObjectMapper json) {
        this.applications = applications;
        this.actions = actions;
        this.programs = programs;
        this.caseForms = caseForms;
        this.taskService = taskService;
        this.formService = formService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.json = json;
    }

    /** The cases of the caller's enterprise, the newest first. */
    List<CaseSummary> casesOf(Caller caller) {
        String uscc = caller.uscc().orElseThrow(() -> ApiException.forbidden("Only an applicant has cases of its own"));
        List<Application> cases = applications.findByUsccOrderByFiledAtDesc(uscc);
        Map<UUID, String> programCodes = programs.findAllById(cases.stream().map(Application::getProgramId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Program::getId, Program::getCode));
        return cases.stream()
                .map(a -> new CaseSummary(a.getId().toString(), a.getBusinessKey(), programCodes.get(a.getProgramId()),
                        a.getProjectName(), a.getStage(), a.getOutcome(), ShenzhenTime.at(a.getFiledAt())))
                .toList();
    }

    /**
     * The task the case waits for the applicant to do, with its deployed form and the values the form shows; empty
     * when the bureau holds the case. The data holds only what the form itself names, never other variables.
     */
    Optional<TaskView> waitingTask(String caseId, Caller caller) {
        Application application = actions.ownCase(caseId, caller);
        if (application.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskCandidateGroup(Groups.APPLICANTS).list().stream()
                .findFirst()
                .map(task -> view(task, application));
    }

    /** Guide 六 for this case's categories, each item with the files uploaded for it, every version, newest first. */
    List<ChecklistItem> checklist(String caseId, Caller caller) {
        Application application = actions.visibleCase(caseId, caller);
        List<MaterialFile> files = actions.materialsOf(application).stream()
                .sorted(Comparator.comparing(MaterialFile::uploadedAt).reversed())
                .toList();
        return caseForms.requiredMaterials(application).stream()
                .map(item -> new ChecklistItem(item.code(), item.name(), item.appliesTo(), files.stream()
                        .filter(file -> file.kind().equals(item.code()))
                        .map(ApplicantActionsController.MaterialView::of)
                        .toList()))
                .toList();
    }

    /** The application form of the models in force: the one deployed with the newest case process. */
    JsonNode applicationForm() {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CaseProcess.KEY).latestVersion().singleResult();
        if (latest == null) {
            throw ApiException.notFound("Form", "application");
        }
        if (!repositoryService.getDeploymentResourceNames(latest.getDeploymentId()).contains(APPLICATION_FORM)) {
            throw ApiException.notFound("Form", "application");
        }
        try (InputStream form = repositoryService.getResourceAsStream(latest.getDeploymentId(), APPLICATION_FORM)) {
            return json.readTree(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TaskView view(Task task, Application application) {
        JsonNode form;
        try (InputStream deployed = formService.getDeployedTaskForm(task.getId())) {
            form = json.readTree(new String(deployed.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Set<String> names = namesReadBy(form);
        // The case's own data from its record, as Tasklist gets it (CaseFormPlugin); the rest from the process.
        data.putAll(caseForms.of(application, names));
        names.removeAll(data.keySet());
        runtimeService.getVariables(application.getProcessInstanceId(), names).forEach((name, value) -> {
            if (value instanceof Date date) {
                data.put(name, ShenzhenTime.at(date.toInstant()));
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                data.put(name, value);
            }
        });
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getDueDate() == null ? null : ShenzhenTime.at(task.getDueDate().toInstant()), form, data);
    }

    static Set<String> namesReadBy(JsonNode form) {
        Set<String> names = new LinkedHashSet<>();
        form.findValuesAsText("key").forEach(key -> names.add(key.split("\\.")[0]));
        form.findValuesAsText("text").forEach(text -> {
            Matcher variable = TEMPLATE_VARIABLE.matcher(text);
            while (variable.find()) {
                names.add(variable.group(1));
            }
        });
        return names;
    }
}
