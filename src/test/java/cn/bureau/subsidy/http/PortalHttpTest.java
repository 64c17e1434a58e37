package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.http.HostileInputTest.Multipart;
import cn.bureau.subsidy.http.RunningApp.Answer;
import cn.bureau.subsidy.scenario.Fixtures;
import cn.bureau.subsidy.scenario.Scenario;

/**
 * What the applicant portal reads and sends, through HTTP: my cases, the task waiting for the applicant with its
 * deployed form, the materials checklist, the application form; files refused for their type, size or a virus, with
 * nothing stored; and another enterprise's applicant refused everywhere.
 */
class PortalHttpTest {

    private static final byte[] EICAR_IN_A_PDF = ("%PDF-1.4\n% X5O!P%@AP[4\\PZX54(P^)7CC)7}$"
            + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private RunningApp app;
    private String program;
    private String caseId;

    @BeforeEach
    void aFiledCase() {
        ClockUtil.reset();
        app = RunningApp.start();
        program = Fixtures.programCode();
        app.publishProgramOpenNow(program);
        Answer filed = app.fileApplication(program);
        caseId = filed.json().path("caseId").asText();
    }

    @Test
    void myCasesListTheEnterprisesOwnCasesOnly() {
        Answer mine = app.json("applicant", "GET", "/api/cases", null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsText("caseId")).contains(caseId);
        assertThat(mine.json().path(0).path("caseId").asText()).as("the newest first").isEqualTo(caseId);
        assertThat(mine.json().path(0).path("programCode").asText()).isEqualTo(program);

        Answer theirs = app.json("applicant2", "GET", "/api/cases", null);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().findValuesAsText("caseId")).doesNotContain(caseId);
        assertThat(theirs.body()).doesNotContain(Fixtures.USCC).doesNotContain("Phnom Penh");
    }

    @Test
    void theWaitingTaskComesWithItsDeployedFormAndOnlyTheValuesTheFormShows() {
        assertThat(app.json("applicant", "GET", "/api/cases/" + caseId + "/applicant-task", null).status())
                .as("initial review: the bureau holds the case").isEqualTo(204);
        acceptInitialReview();

        Answer task = app.json("applicant", "GET", "/api/cases/" + caseId + "/applicant-task", null);
        assertThat(task.status()).as("%s", task).isEqualTo(200);
        JsonNode body = task.json();
        assertThat(body.path("taskKey").asText()).isEqualTo("UserTask_SubmitMaterials");
        assertThat(body.path("dueAt").asText()).endsWith("+08:00");
        assertThat(body.path("form").path("id").asText()).isEqualTo("submit-materials");
        assertThat(body.path("data").path("businessKey").asText()).startsWith(program + "-");
        assertThat(body.path("data").path("requiredMaterials").asText()).contains("(BUSINESS_LICENCE)")
                .contains("(PRE_PROJECT_FEE_INVOICES)");
        assertThat(body.path("data").has("applicationId")).as("nothing the form does not name").isFalse();
        assertThat(body.path("data").has("programCode")).isFalse();

        Answer other = app.json("applicant2", "GET", "/api/cases/" + caseId + "/applicant-task", null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("submit-materials");
    }

    @Test
    void theChecklistFollowsTheRequiredMaterialsDecisionAndKeepsEveryVersion() {
        ObjectNode preProjectFeesOnly = Fixtures.applicationJson();
        ArrayNode claims = (ArrayNode) preProjectFeesOnly.get("claims");
        while (claims.size() > 1) {
            claims.remove(claims.size() - 1);
        }
        Answer filed = app.json("applicant", "POST", "/api/programs/" + program + "/applications", preProjectFeesOnly);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        caseId = filed.json().path("caseId").asText();
        upload("applicant", "BUSINESS_LICENCE", "licence.pdf", Fixtures.pdf());
        upload("applicant", "BUSINESS_LICENCE", "licence-clear.pdf",
                "%PDF-1.4\n% clearer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        Answer checklist = app.json("applicant", "GET", "/api/cases/" + caseId + "/required-materials", null);
        assertThat(checklist.status()).isEqualTo(200);
        assertThat(checklist.json().findValuesAsText("code")).startsWith("APPLICATION_FORM", "BUSINESS_LICENCE")
                .contains("PRE_PROJECT_FEE_INVOICES").doesNotContain("LOAN_CONTRACT");
        JsonNode licence = item(checklist.json(), "BUSINESS_LICENCE");
        assertThat(licence.path("appliesTo").asText()).isEqualTo("ALL");
        assertThat(licence.path("files").findValuesAsText("fileName"))
                .as("the newest first, the first version kept").containsExactly("licence-clear.pdf", "licence.pdf");
        assertThat(licence.path("files").path(0).path("sha256").asText()).hasSize(64);

        assertThat(app.json("reviewer", "GET", "/api/cases/" + caseId + "/required-materials", null).status())
                .as("officers read it too").isEqualTo(200);
        Answer other = app.json("applicant2", "GET", "/api/cases/" + caseId + "/required-materials", null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("licence");
    }

    @Test
    void aSecondApplicantCanNeitherListNorDownloadTheFirstOnesMaterials() {
        String material = upload("applicant", "BUSINESS_LICENCE", "licence.pdf", Fixtures.pdf()).path("id").asText();

        Answer list = app.send("applicant2", "GET", "/api/cases/" + caseId + "/materials", null, null);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.body()).doesNotContain(material).doesNotContain("licence.pdf");
        Answer file = app.send("applicant2", "GET", "/api/cases/" + caseId + "/materials/" + material, null, null);
        assertThat(file.status()).isEqualTo(403);
        assertThat(file.body()).doesNotContain("%PDF");
        Multipart theirs = licence("x.pdf", Fixtures.pdf());
        Answer upload = app.send("applicant2", "POST", "/api/cases/" + caseId + "/materials", theirs.contentType(),
                theirs.bytes());
        assertThat(upload.status()).isEqualTo(403);

        Answer own = app.send("applicant", "GET", "/api/cases/" + caseId + "/materials/" + material, null, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).startsWith("%PDF");
    }

    @Test
    void filesOfTheWrongTypeTooLargeOrInfectedAreRefusedClearlyAndNothingIsStored() {
        var before = app.footprint();
        assertRefused("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8), "UNSUPPORTED_FILE_TYPE");
        byte[] oversized = new byte[21 * 1024 * 1024];
        System.arraycopy(Fixtures.pdf(), 0, oversized, 0, Fixtures.pdf().length);
        assertRefused("scan.pdf", oversized, "FILE_TOO_LARGE");
        assertRefused("scan.pdf", EICAR_IN_A_PDF, "MALWARE_FOUND");

        assertThat(app.footprint()).as("no row and no variable written").isEqualTo(before);
        Answer stored = app.json("applicant", "GET", "/api/cases/" + caseId + "/materials", null);
        assertThat(stored.json()).as("nothing of the refused files").isEmpty();
        assertThat(item(app.json("applicant", "GET", "/api/cases/" + caseId + "/required-materials", null).json(),
                "BUSINESS_LICENCE").path("files")).isEmpty();
    }

    @Test
    void theApplicationFormIsTheDeployedCamundaForm() {
        Answer form = app.json("applicant", "GET", "/api/forms/application", null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("application");
        assertThat(form.json().findValuesAsText("path")).contains("applicant", "declarations", "project", "claims");
    }

    @Test
    void aLoginLandsWhereTheUserWorks() {
        assertThat(app.send("applicant", "GET", "/", null, null).location()).endsWith("/portal");
        assertThat(app.send("supervisor", "GET", "/", null, null).location()).endsWith("/supervision");
        assertThat(app.send("reviewer", "GET", "/", null, null).location()).endsWith("/camunda/app/tasklist/");
        Answer me = app.json("applicant", "GET", "/api/me", null);
        assertThat(me.json().path("uscc").asText()).isEqualTo(Fixtures.USCC);
    }

    private void assertRefused(String fileName, byte[] content, String code) {
        Multipart body = licence(fileName, content);
        Answer refused = app.send("applicant", "POST", "/api/cases/" + caseId + "/materials", body.contentType(),
                body.bytes());
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo("file");
        assertThat(refused.json().path("errors").path(0).path("code").asText()).isEqualTo(code);
        assertThat(refused.json().path("errors").path(0).path("message").asText()).isNotBlank();
    }

    private JsonNode upload(String user, String kind, String fileName, byte[] content) {
        Multipart body = new Multipart().field("kind", kind).file("file", fileName, "application/pdf", content);
        Answer uploaded = app.send(user, "POST", "/api/cases/" + caseId + "/materials", body.contentType(),
                body.bytes());
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        return uploaded.json();
    }

    private static Multipart licence(String fileName, byte[] content) {
        return new Multipart().field("kind", "BUSINESS_LICENCE").file("file", fileName, "application/pdf", content);
    }

    private static JsonNode item(JsonNode checklist, String code) {
        for (JsonNode item : checklist) {
            if (item.path("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no " + code + " in " + checklist);
    }

    private void acceptInitialReview() {
        ProcessEngine engine = app.bean(ProcessEngine.class);
        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(program + "-%").singleResult().getId();
        Scenario officers = new Scenario(engine).track(instance);
        officers.on("UserTask_InitialReview", task -> officers.complete("reviewer", task,
                Map.of("decision", "ACCEPT")));
        officers.runUntil(() -> officers.waitingTask("UserTask_SubmitMaterials").isPresent());
    }
}
