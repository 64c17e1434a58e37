package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The process owner's folders are the single source: stable names, no new version unless a file changed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelDeployerTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ModelDeployer deployer;

    @Test
    void deploysEveryModelUnderItsFolderRelativeName() {
        var latest = repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0);

        assertThat(repositoryService.getDeploymentResources(latest.getId())).extracting(Resource::getName)
                .contains("processes/case.bpmn", "processes/program.bpmn", "forms/initial-review.form")
                .allMatch(name -> name.matches("(processes|decisions|forms)/[a-z0-9-]+\\.(bpmn|dmn|form)"));
    }

    @Test
    void anUnchangedFolderMakesNoNewVersion() {
        long deployments = repositoryService.createDeploymentQuery().count();

        assertThat(deployer.deploy()).isNull();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aChangedFileDeploysANewVersionOfEveryModelUnderTheSameNames(@TempDir Path copy) throws IOException {
        for (String folder : ModelDeployer.FOLDERS) {
            copyFolder(Path.of(folder), copy.resolve(folder));
        }
        Path casePath = copy.resolve("processes/case.bpmn");
        Files.writeString(casePath, Files.readString(casePath, StandardCharsets.UTF_8)
                + "<!-- edited by a process owner -->\n", StandardCharsets.UTF_8);
        int before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("SubsidyCase")
                .latestVersion().singleResult().getVersion();

        String deploymentId = deployer.deployFrom(copy);

        assertThat(deploymentId).isNotNull();
        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("SubsidyCase")
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(before + 1);
        assertThat(latest.getResourceName()).isEqualTo("processes/case.bpmn");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("SubsidyProgram")
                .latestVersion().singleResult().getDeploymentId()).isEqualTo(deploymentId);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
