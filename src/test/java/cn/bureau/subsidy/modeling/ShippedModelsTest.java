package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.identity.Groups;

/** The rules the README gives process owners, checked on every diagram in {@code processes/}. */
class ShippedModelsTest {

    static Stream<Path> diagrams() throws IOException {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyUserTaskHasAnExistingGroupADueDateAndADeployedForm(Path diagram) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        Set<String> formIds = formIds();

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroupsList()).as("%s candidate groups", task.getId())
                    .isNotEmpty().allMatch(Groups.STAFF_AND_APPLICANTS::contains);
            assertThat(task.getCamundaDueDate()).as("%s due date", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRef()).as("%s form", task.getId()).isIn(formIds);
            assertThat(task.getCamundaFormRefBinding()).as("%s form binding", task.getId()).isEqualTo("deployment");
            assertThat(task.getName()).as("%s name carries the guide's words", task.getId()).matches(".*\\(.+\\)");
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyUserTaskEscalatesAtItsDueDateAndAgainLater(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            java.util.List<org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener> timeouts =
                    task.getExtensionElements().getElementsQuery()
                            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
                            .list().stream().filter(l -> "timeout".equals(l.getCamundaEvent())).toList();
            assertThat(timeouts).as("%s timeout listeners", task.getId())
                    .extracting(l -> l.getAttributeValue("id") + " " + l.getCamundaDelegateExpression())
                    .containsExactly(task.getId().replace("UserTask_", "TaskListener_") + "_Overdue ${slaEscalation}",
                            task.getId().replace("UserTask_", "TaskListener_") + "_Escalate ${slaEscalation}");
            String first = timeouts.get(0).getTimeouts().iterator().next().getTimeDate().getTextContent();
            String second = timeouts.get(1).getTimeouts().iterator().next().getTimeDate().getTextContent();
            assertThat(first).as("%s first threshold is its due date", task.getId())
                    .isEqualTo(task.getCamundaDueDate());
            assertThat(second).as("%s second threshold", task.getId())
                    .matches("\\$\\{deadlines\\.escalation(After)?\\(programCode, .+\\)\\}");
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noModelRunsScriptsAndEveryProcessKeepsHistoryForTenYears(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

        assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaScript.class)).isEmpty();
        assertThat(model.getModelElementsByType(Process.class))
                .allSatisfy(process -> assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D"));
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void idsSayWhatAnElementIs(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class))
                .allSatisfy(node -> assertThat(node.getId()).matches(
                        "(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask|Gateway|Event|Timer|BoundaryEvent|SubProcess)_[A-Za-z]+"));
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyUserTaskAndEndEventOfTheCaseCarriesItsStage(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        if (!diagram.getFileName().toString().equals("case.bpmn")) {
            return;
        }
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        Collection<EndEvent> ends = model.getModelElementsByType(EndEvent.class);

        assertThat(tasks).allSatisfy(task -> assertThat(properties(task)).containsKey("stage"));
        assertThat(ends).allSatisfy(end -> assertThat(properties(end)).containsKeys("stage", "outcome"));
    }

    private static java.util.Map<String, String> properties(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
        return element.getExtensionElements() == null ? java.util.Map.of()
                : element.getExtensionElements().getElementsQuery()
                        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
                        .stream().flatMap(p -> p.getCamundaProperties().stream())
                        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            return forms.filter(p -> p.toString().endsWith(".form")).map(p -> {
                try {
                    String id = json.readTree(p.toFile()).get("id").asText();
                    assertThat(p.getFileName().toString()).isEqualTo(id + ".form");
                    return id;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
