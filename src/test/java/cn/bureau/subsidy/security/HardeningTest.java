package cn.bureau.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** What a model, a query or a stored record must never be able to do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDiagramWithAScriptTaskIsRefusedAtDeployment() {
        BpmnModelInstance scripted = Bpmn.createExecutableProcess("Scripted").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask("ScriptTask_Evil").scriptFormat("javascript")
                .scriptText("java.lang.Runtime.getRuntime().exec('true')").endEvent().done();

        assertThatThrownBy(() -> repositoryService.createDeployment().addModelInstance("scripted.bpmn", scripted)
                .deploy()).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Scripts are not allowed").hasMessageContaining("ScriptTask_Evil");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Scripted").count()).isZero();
    }

    @Test
    void aScriptListenerOrScriptedConditionIsRefusedToo() {
        String listener = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="Listening" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_1">
                      <extensionElements>
                        <camunda:executionListener event="start">
                          <camunda:script scriptFormat="javascript">1</camunda:script>
                        </camunda:executionListener>
                      </extensionElements>
                    </startEvent>
                  </process>
                </definitions>""";

        assertThatThrownBy(() -> repositoryService.createDeployment().addString("listening.bpmn", listener).deploy())
                .hasMessageContaining("Scripts are not allowed");
    }

    @Test
    void engineQueriesWithExpressionsAreRefusedOrQueriesIncluded() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String crafted = """
                {"orQueries": [{"assigneeExpression": "${''.getClass().forName('java.lang.Runtime')}"}]}""";

        ResponseEntity<JsonNode> refused = rest.withBasicAuth("reviewer", "demo").exchange(
                "/engine-rest/task?maxResults=5", HttpMethod.POST, new HttpEntity<>(crafted, headers), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("EXPRESSION_NOT_ALLOWED");
        assertThat(refused.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("orQueries[0].assigneeExpression");
        assertThat(rest.withBasicAuth("reviewer", "demo").getForEntity(uri(
                "/engine-rest/task?maxResults=5&assigneeExpression=%24%7BcurrentUser()%7D"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("supervisor", "demo").getForEntity(uri(
                "/camunda/api/engine/engine/default/task?maxResults=5&candidateUserExpression=%24%7BcurrentUser()%7D"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // The same query without an expression is answered.
        assertThat(rest.withBasicAuth("reviewer", "demo").exchange("/engine-rest/task?maxResults=5", HttpMethod.POST,
                new HttpEntity<>("{\"orQueries\": [{\"assignee\": \"reviewer\"}]}", headers), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private java.net.URI uri(String pathAndQuery) {
        return java.net.URI.create(rest.getRootUri() + pathAndQuery);
    }

    @Test
    void theAuditTrailRecordsRefusedAttemptsAndCannotBeRewritten() {
        long before = jdbc.queryForObject("select count(*) from audit_event where outcome = 'REFUSED'", Long.class);

        rest.withBasicAuth("applicant", "demo").postForEntity("/api/programs",
                Map.of("code", "NOT-ALLOWED"), JsonNode.class);

        assertThat(jdbc.queryForObject("select count(*) from audit_event where outcome = 'REFUSED'", Long.class))
                .isGreaterThan(before);
        assertThat(jdbc.queryForObject("select actor from audit_event where action = 'POST /api/programs' "
                + "and outcome = 'REFUSED' order by id desc limit 1", String.class)).isEqualTo("applicant");
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'nobody'"))
                .isInstanceOfSatisfying(DataAccessException.class,
                        e -> assertThat(e.getMostSpecificCause().getMessage()).contains("append-only"));
        assertThatThrownBy(() -> jdbc.update("delete from audit_event")).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aQuoteChangesNothingAndLeavesNoAuditRowWhileAFilingAttemptDoes() {
        long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        var quote = rest.withBasicAuth("applicant", "demo").postForEntity("/api/programs/SZ-2026-OFI/quote",
                cn.bureau.subsidy.scenario.Fixtures.applicationJson(), JsonNode.class);
        assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(before);

        rest.withBasicAuth("applicant", "demo").postForEntity("/api/programs/NO-SUCH-PROGRAM/applications",
                cn.bureau.subsidy.scenario.Fixtures.applicationJson(), JsonNode.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = "
                + "'POST /api/programs/NO-SUCH-PROGRAM/applications'", Long.class)).isEqualTo(1);
    }
}
