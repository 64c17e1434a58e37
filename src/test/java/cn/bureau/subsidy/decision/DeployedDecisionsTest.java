package cn.bureau.subsidy.decision;

import static cn.bureau.subsidy.decision.Applications.application;
import static cn.bureau.subsidy.decision.Applications.program;
import static cn.bureau.subsidy.decision.Applications.zoneInfrastructure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quote reads the tables the process owner deployed, on an in-memory engine of its own (no Spring, no shared
 * database): a redeployment changes the next quote without a restart, and the caller's engine authorizations do not
 * hide the published rules.
 */
class DeployedDecisionsTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:decisions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setAuthorizationEnabled(true)
                .setJobExecutorActivate(false)
                .setProcessEngineName("decisions-test-" + UUID.randomUUID())
                .buildProcessEngine();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void aRedeployedTableChangesTheNextQuote() throws IOException {
        deploy(Files.readString(FileDecisions.FOLDER.resolve("eligibility.dmn")));
        QuoteService quotes = new QuoteService(engine.getRepositoryService(), engine.getIdentityService());
        var facts = application().claim(zoneInfrastructure("3000000")).build();

        Quote before = quotes.quote(program(), facts);
        assertThat(before.reasons()).isEmpty();
        assertThat(before.totalWan()).isEqualByComparingTo("150");

        // The process owner raises the investment threshold to US$3,000,000 and deploys again.
        String raised = Files.readString(FileDecisions.FOLDER.resolve("eligibility.dmn"))
                .replace("InvestmentBelowThreshold_InvestmentUsd\">\n          <text>&lt; 1000000, null",
                        "InvestmentBelowThreshold_InvestmentUsd\">\n          <text>&lt; 3000000, null");
        assertThat(raised).contains("&lt; 3000000, null");
        deploy(raised);

        Quote after = quotes.quote(program(), facts);
        assertThat(after.reasons()).containsExactly("INVESTMENT_BELOW_THRESHOLD");
        assertThat(after.totalWan()).isZero();
        assertThat(definitionOf(after)).isNotEqualTo(definitionOf(before))
                .startsWith("Decision_ApplicationEligibility:");
    }

    @Test
    void theCallersEngineAuthorizationsDoNotHideTheRules() throws IOException {
        deploy(Files.readString(FileDecisions.FOLDER.resolve("eligibility.dmn")));
        QuoteService quotes = new QuoteService(engine.getRepositoryService(), engine.getIdentityService());
        engine.getIdentityService().setAuthentication("applicant", List.of("applicants"));
        try {
            assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count())
                    .as("the applicant may not read decision definitions itself").isZero();

            Quote quote = quotes.quote(program(), application().claim(zoneInfrastructure("3000000")).build());

            assertThat(quote.totalWan()).isEqualByComparingTo("150");
            assertThat(quotes.requiredMaterials(Set.of(SupportCategory.ZONE_INFRASTRUCTURE))).isNotEmpty();
            assertThat(quotes.supportLimits().enterpriseMaximumWan()).isEqualByComparingTo("1000");
            assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("applicant");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String definitionOf(Quote quote) {
        return ((java.util.Map<?, ?>) quote.explanation().inputs().get("decisionDefinitions"))
                .get("Decision_ApplicationEligibility").toString();
    }

    /** Deploys all of {@code decisions/} as the application does, with {@code eligibility.dmn} as given. */
    private static void deploy(String eligibility) throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("subsidy-models")
                .enableDuplicateFiltering(false);
        for (Path file : FileDecisions.files(FileDecisions.FOLDER)) {
            String name = "decisions/" + file.getFileName();
            String content = name.equals("decisions/eligibility.dmn") ? eligibility : Files.readString(file);
            deployment.addString(name, content);
        }
        deployment.deploy();
    }
}
