package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a timeout task listener's timer expression sees, on the engine we run: it is evaluated when the user task is
 * entered, against the task's own (scope) execution, before the task exists. Process variables resolve; the task,
 * its due date and its local variables do not. That is why the models repeat the due-date expression in the first
 * threshold instead of referring to the task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeoutListenerTimerTest {

    private static final String KEY = "TimeoutProbe";
    private static final Date DUE = new Date(1_800_000_000_000L);

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    private String deploymentId;

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void theTimerSeesProcessVariablesThroughTheTasksOwnExecution() {
        deploy("${execution.activityId == 'UserTask_Probe' and execution.id != execution.processInstanceId"
                + " ? probeDue : null}");

        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, Map.of("probeDue", DUE));

        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(DUE);
        assertThat(timer.getExecutionId()).as("a timeout listener makes the user task a scope of its own")
                .isEqualTo(task.getExecutionId()).isNotEqualTo(instance.getId());
        assertThat(task.getDueDate()).isEqualTo(DUE);
    }

    @Test
    void theTimerCannotSeeTheTask() {
        deploy("${task.dueDate}");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, Map.of("probeDue", DUE)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("task");
    }

    @Test
    void theTimerIsSetBeforeTheTasksCreateListenersRun() {
        // The create listener gives the task a local variable; the timer was evaluated before it existed.
        deploy("${localDue}");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, Map.of("probeDue", DUE)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("localDue");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list()).isEmpty();
    }

    private void deploy(String timeDate) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Probe"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Probe" targetRef="UserTask_Probe" />
                    <bpmn:userTask id="UserTask_Probe" camunda:candidateGroups="supervisors"
                        camunda:dueDate="${probeDue}">
                      <bpmn:extensionElements>
                        <camunda:taskListener event="create"
                            expression="${task.setVariableLocal('localDue', probeDue)}" />
                        <camunda:taskListener expression="${true}" event="timeout" id="TaskListener_Probe">
                          <bpmn:timerEventDefinition id="TimerEventDefinition_Probe">
                            <bpmn:timeDate xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDate>
                          </bpmn:timerEventDefinition>
                        </camunda:taskListener>
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_Probe" targetRef="EndEvent_Probe" />
                    <bpmn:endEvent id="EndEvent_Probe" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(KEY, timeDate.replace("<", "&lt;").replace(">", "&gt;"));
        deploymentId = repositoryService.createDeployment().name("timeout-probe")
                .addString("probe.bpmn", xml).deploy().getId();
        assertThat(List.of(deploymentId)).isNotEmpty();
    }
}
