package cn.bureau.subsidy.filing;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ParseListeners;

/**
 * Gives every user task that is about a case (its scope knows an {@code applicationId}: the case process's tasks, a
 * plan objection's) the case's data as form fields ({@link CaseFormData}): what Tasklist and the engine's
 * {@code form-variables} hand a Camunda Form besides the process variables. A form reads {@code {{enterpriseName}}}
 * as before; the value comes from the case record when the form is opened, not from a copy kept in the process.
 */
@Component
class CaseFormPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseFormData> data;

    CaseFormPlugin(ObjectProvider<CaseFormData> data) {
        this.data = data;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfter(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition task = behavior.getTaskDefinition();
                    task.setTaskFormHandler(new CaseFields(task.getTaskFormHandler()));
                }
            }
        });
    }

    private static FormField field(String name, Object value) {
        FormFieldImpl field = new FormFieldImpl();
        field.setId(name);
        field.setValue(value instanceof Integer number ? Variables.integerValue(number)
                : Variables.stringValue(value.toString()));
        return field;
    }

    /** The task's own form handling, and the case's data as fields of its form. */
    private final class CaseFields implements TaskFormHandler {

        private final TaskFormHandler parsed;

        CaseFields(TaskFormHandler parsed) {
            this.parsed = parsed;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData form = parsed.createTaskForm(task);
            Object applicationId = task.getVariable(CaseProcess.VAR_APPLICATION_ID);
            if (applicationId instanceof String id) {
                data.getObject().of(id).forEach((name, value) -> form.getFormFields().add(field(name, value)));
            }
            return form;
        }

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            parsed.parseConfiguration(element, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            parsed.submitFormVariables(properties, variableScope);
        }
    }
}
