package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.supervision.DeadlineWatch;

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
    void theDeadlineWatchChasesEveryTaskByItsDueDateAlone(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

        // A timeout listener of a task's own would escalate it a second time, next to the watch.
        assertThat(model.getModelElementsByType(CamundaTaskListener.class))
                .noneMatch(listener -> TaskListener.EVENTNAME_TIMEOUT.equals(listener.getCamundaEvent()));
    }

    @Test
    void theDeadlineWatchRunsEveryMinuteAndFailsAsOneIncident() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "deadline-watch.bpmn").toFile());
        Process watch = model.getModelElementById(DeadlineWatch.PROCESS_KEY);
        StartEvent start = model.getModelElementById("StartEvent_EveryMinute");
        ServiceTask escalate = model.getModelElementById("ServiceTask_EscalateOverdueTasks");

        assertThat(watch.isExecutable()).isTrue();
        assertThat(start.getEventDefinitions()).singleElement().isInstanceOfSatisfying(TimerEventDefinition.class,
                timer -> assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("R/PT1M"));
        // No savepoint before the sweep: a failing sweep fails the timer's job, one incident, instead of leaving a
        // failed instance behind every minute.
        assertThat(escalate.isCamundaAsyncBefore()).isFalse();
        assertThat(escalate.getCamundaDelegateExpression()).isEqualTo("${deadlineWatchDelegate}");
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noModelRunsScriptsAndEveryCaseAndProgramKeepsHistoryForTenYears(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

        assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaScript.class)).isEmpty();
        // The deadline watch's runs leave no history (supervision/ActivityHistoryLevel); a week is the least a
        // process may declare.
        assertThat(model.getModelElementsByType(Process.class)).allSatisfy(process -> assertThat(
                process.getCamundaHistoryTimeToLiveString()).isEqualTo(
                        DeadlineWatch.PROCESS_KEY.equals(process.getId()) ? "P7D" : "P3650D"));
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
