package cn.bureau.subsidy.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The stage a task belongs to, from its {@code stage} property in the diagram. */
final class TaskFacts {

    private TaskFacts() {
    }

    static String stage(DelegateTask task) {
        ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions == null) {
            return task.getTaskDefinitionKey();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> "stage".equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElse(task.getTaskDefinitionKey());
    }
}
