package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.bureau.subsidy.common.ApiException;

/**
 * Rolling the folders out: the checks first (a failing one deploys nothing), a deployment whose source carries the
 * owner's message (what Cockpit shows and searches), no new version when nothing changed; and the checks as an
 * endpoint before any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RolloutTest {

    @Autowired
    Rollouts rollouts;
    @Autowired
    ModelDeployer deployer;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    @AfterEach
    void theShippedModelsAreTheLatest() {
        ClockUtil.reset();
        deployer.deploy();
    }

    @Test
    void unchangedFoldersRollOutAsNothingAndTheChecksPass() {
        long deployments = repositoryService.createDeploymentQuery().count();

        ResponseEntity<JsonNode> rollout = rest.withBasicAuth("manager", "demo").postForEntity(
                "/api/models/deployments", Map.of("message", "Nothing changed"), JsonNode.class);

        assertThat(rollout.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rollout.getBody().path("changed").asBoolean()).isFalse();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        JsonNode checks = rest.withBasicAuth("manager", "demo").getForEntity("/api/models/checks", JsonNode.class)
                .getBody();
        assertThat(checks.path("errors").asInt()).isZero();
        assertThat(checks.path("findings")).isEmpty();
        assertThat(rest.withBasicAuth("approver", "demo").postForEntity("/api/models/deployments",
                Map.of("message", "Not mine to roll out"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aChangedTableRollsOutWithItsMessageAndTheStartUpDeploymentSeesNoChangeAfterIt() {
        Map<String, byte[]> models = shipped();
        models.put("decisions/support-rates.dmn", text(models, "decisions/support-rates.dmn")
                .replace("<text>60</text>", "<text>55</text>").getBytes(StandardCharsets.UTF_8));
        int before = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_SupportRates")
                .latestVersion().singleResult().getVersion();

        Rollouts.Report report = rollouts.rollout(models, "Insurance premiums at 55% from July", "manager");

        assertThat(report.changed()).isTrue();
        assertThat(report.source()).isEqualTo("Insurance premiums at 55% from July (manager)");
        assertThat(repositoryService.createDeploymentQuery().deploymentSource(report.source()).count()).isOne();
        assertThat(report.definitions()).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("Decision_SupportRates");
            assertThat(d.version()).isEqualTo(before + 1);
        });
        assertThat(rollouts.deployments().get(0).source()).isEqualTo(report.source());
        // The same set again is no change, whatever deployed it.
        assertThat(rollouts.rollout(models, "Again", "manager").changed()).isFalse();
    }

    @Test
    void aFailingCheckDeploysNothingAndNamesTheFinding() {
        Map<String, byte[]> models = shipped();
        models.put("processes/case.bpmn", text(models, "processes/case.bpmn")
                .replace("camunda:candidateGroups=\"auditors\"", "camunda:candidateGroups=\"legal-officers\"")
                .getBytes(StandardCharsets.UTF_8));
        long deployments = repositoryService.createDeploymentQuery().count();

        assertThatThrownBy(() -> rollouts.rollout(models, "Give audits to the legal office", "manager"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.code()).isEqualTo("MODEL_CHECKS_FAILED");
                    assertThat(e.errors()).anySatisfy(error -> {
                        assertThat(error.field()).isEqualTo("processes/case.bpmn#UserTask_SpecialAudit");
                        assertThat(error.code()).isEqualTo(ModelChecks.CANDIDATE_GROUP);
                        assertThat(error.message()).contains("legal-officers").contains("Fix:");
                    });
                });
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void theCheckEndpointTakesTheFilesAboutToReplaceTheFolders() {
        String broken = text(shipped(), "processes/program.bpmn").replace("${filingClosesAt}",
                "2026-04-30T18:00:00");
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "program.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        JsonNode report = rest.withBasicAuth("manager", "demo").postForEntity("/api/models/checks",
                new HttpEntity<>(body, headers), JsonNode.class).getBody();

        assertThat(report.path("errors").asInt()).isEqualTo(1);
        assertThat(report.at("/findings/0/rule").asText()).isEqualTo(ModelChecks.TIMER_DATE);
        assertThat(report.at("/findings/0/file").asText()).isEqualTo("processes/program.bpmn");
        assertThat(report.at("/findings/0/element").asText()).isEqualTo("Timer_FilingCloses");
        assertThat(report.at("/findings/0/fix").asText()).contains("${filingClosesAt}");
    }

    private static Map<String, byte[]> shipped() {
        return new TreeMap<>(ModelDeployer.readModels(Path.of(".")));
    }

    private static String text(Map<String, byte[]> models, String name) {
        return new String(models.get(name), StandardCharsets.UTF_8);
    }
}
