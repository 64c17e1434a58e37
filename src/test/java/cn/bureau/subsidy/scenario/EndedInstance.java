package cn.bureau.subsidy.scenario;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/** A handle on a process instance that may have ended, for camunda-bpm-assert's history-based assertions. */
record EndedInstance(String id) implements ProcessInstance {

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getProcessInstanceId() {
        return id;
    }

    @Override
    public String getProcessDefinitionId() {
        return null;
    }

    @Override
    public String getProcessDefinitionKey() {
        return null;
    }

    @Override
    public String getBusinessKey() {
        return null;
    }

    @Override
    public String getRootProcessInstanceId() {
        return id;
    }

    @Override
    public String getCaseInstanceId() {
        return null;
    }

    @Override
    public boolean isSuspended() {
        return false;
    }

    @Override
    public boolean isEnded() {
        return true;
    }

    @Override
    public String getTenantId() {
        return null;
    }
}
