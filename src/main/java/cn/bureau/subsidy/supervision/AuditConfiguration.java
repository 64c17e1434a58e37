package cn.bureau.subsidy.supervision;

import java.util.ArrayList;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;

import cn.bureau.subsidy.common.ParseListeners;
import cn.bureau.subsidy.common.TaskActor;

/** Where the audit trail is written from: every changing request, and every completed task of any diagram. */
@Configuration
class AuditConfiguration {

    @Bean
    FilterRegistrationBean<AuditTrailFilter> auditTrailFilter(AuditTrail trail) {
        FilterRegistrationBean<AuditTrailFilter> registration = new FilterRegistrationBean<>(new AuditTrailFilter(trail));
        registration.setName("audit-trail");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/login");
        // Before Spring Security, so refused attempts are recorded as well.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** A task completed in Tasklist, over the engine REST API or by the application, with its case. */
    @Bean
    AbstractProcessEnginePlugin taskAuditPlugin(ObjectProvider<AuditTrail> trail) {
        TaskListener completed = task -> {
            Object applicationId = task.getVariable("applicationId");
            Object decision = task.getVariable("decision");
            trail.getObject().recordWithinTransaction(TaskActor.of(task), "TASK_COMPLETED " + task.getTaskDefinitionKey(),
                    applicationId == null ? null : UUID.fromString(applicationId.toString()), task.getName(), null,
                    decision == null ? null : "decision " + decision);
        };
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getCustomHistoryLevels() == null) {
                    configuration.setCustomHistoryLevels(new ArrayList<>());
                }
                configuration.getCustomHistoryLevels().add(new ActivityHistoryLevel());
                ParseListeners.addAfter(configuration, new AbstractBpmnParseListener() {
                    @Override
                    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                                .addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
                    }
                });
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                // Only under this application's level: another level ("full", say) keeps Camunda's whole log.
                if (configuration.getHistoryLevel() instanceof ActivityHistoryLevel) {
                    configuration.setHistoryEventHandler(new InterventionLog(configuration.getHistoryEventHandler()));
                }
            }
        };
    }
}
