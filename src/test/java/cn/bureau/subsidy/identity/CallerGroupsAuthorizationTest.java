package cn.bureau.subsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine checks an officer's authorizations against the officer's own groups, without reading first every group
 * that holds an authorization, and still decides as Camunda does: an officer sees and works the tasks offered to its
 * group and no others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallerGroupsAuthorizationTest {

    private static final String PROCESS = "CallerGroupsAuthorization";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void signOutAndRemoveTheProcess() {
        identityService.clearAuthentication();
        repositoryService.createDeploymentQuery().deploymentName(PROCESS).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void theCallersGroupsAreCheckedAsTheyAreWithoutReadingEveryAuthorizedGroup() {
        List<String> checked = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute((Command<List<String>>) context -> context
                        .getAuthorizationManager()
                        .filterAuthenticatedGroupIds(List.of(Groups.INITIAL_REVIEWERS, "group-without-authorizations")));

        // Camunda's own manager would leave out the group that holds no authorization, after reading them all.
        assertThat(checked).containsExactlyInAnyOrder(Groups.INITIAL_REVIEWERS, "group-without-authorizations");
    }

    @Test
    void anOfficerSeesAndWorksOnlyTheTasksOfferedToItsGroup() {
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
                        .userTask("UserTask_Review").camundaCandidateGroups(Groups.INITIAL_REVIEWERS).endEvent().done())
                .deploy();
        String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();

        identityService.setAuthentication("auditor", List.of(Groups.AUDITORS));
        assertThat(taskService.createTaskQuery().processInstanceId(instance).listPage(0, 10)).isEmpty();
        String taskId = taskAsApplication(instance).getId();
        assertThatThrownBy(() -> taskService.complete(taskId)).isInstanceOf(AuthorizationException.class);

        identityService.setAuthentication("reviewer", List.of(Groups.INITIAL_REVIEWERS, "group-without-authorizations"));
        assertThat(taskService.createTaskQuery().processInstanceId(instance).listPage(0, 10)).extracting(Task::getId)
                .containsExactly(taskId);
        taskService.complete(taskId);

        identityService.clearAuthentication();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    private Task taskAsApplication(String instance) {
        var officer = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return taskService.createTaskQuery().processInstanceId(instance).singleResult();
        } finally {
            identityService.setAuthentication(officer);
        }
    }
}
