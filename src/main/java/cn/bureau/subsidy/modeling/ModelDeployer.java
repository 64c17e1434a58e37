package cn.bureau.subsidy.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owner's models under names relative to their folder ({@code processes/case.bpmn}), so the
 * same file always has the same name wherever the application runs from. Reads the folders when they are present
 * (a process owner edits a file and restarts) and the copies packaged in the jar otherwise.
 *
 * <p>All models go into one deployment: when any file changed, every model gets a new version together, which keeps
 * {@code formRefBinding} and {@code decisionRefBinding="deployment"} pointing at models of the same release. An
 * unchanged set makes no deployment at all.
 */
@Component
public class ModelDeployer {

    public static final String DEPLOYMENT_NAME = "subsidy-models";
    static final List<String> FOLDERS = List.of("processes", "decisions", "forms");
    private static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final Path directory;

    ModelDeployer(RepositoryService repositoryService, ModelsProperties properties) {
        this.repositoryService = repositoryService;
        this.directory = properties.directory() == null ? Path.of(".") : properties.directory();
    }

    /** Deploys the current models; returns the new deployment's id, or null when nothing changed. */
    public String deploy() {
        return deployFrom(directory);
    }

    /** Deploys the model folders found under {@code modelsDirectory}; null when nothing changed. */
    public synchronized String deployFrom(Path modelsDirectory) {
        Map<String, byte[]> models = readModels(modelsDirectory);
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("model folders")
                .enableDuplicateFiltering(false);
        models.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        // An unchanged set returns the earlier deployment, which lists no newly deployed definitions.
        boolean created = deployment.getDeployedProcessDefinitions() != null
                && !deployment.getDeployedProcessDefinitions().isEmpty();
        log.info("Models {}: {}", created ? "deployed as " + deployment.getId() : "unchanged", models.keySet());
        return created ? deployment.getId() : null;
    }

    static Map<String, byte[]> readModels(Path modelsDirectory) {
        Map<String, byte[]> models = new TreeMap<>();
        for (String folder : FOLDERS) {
            Path onDisk = modelsDirectory.resolve(folder);
            if (Files.isDirectory(onDisk)) {
                readFolder(onDisk, folder, models);
            } else {
                readClasspath(folder, models);
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("No models found in processes/, decisions/ or forms/");
        }
        return models;
    }

    private static void readFolder(Path folder, String prefix, Map<String, byte[]> models) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(ModelDeployer::isModel).sorted().toList()) {
                models.put(prefix + "/" + file.getFileName(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read models from " + folder, e);
        }
    }

    private static void readClasspath(String folder, Map<String, byte[]> models) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*");
            for (Resource resource : resources) {
                String name = resource.getFilename();
                if (name != null && EXTENSIONS.stream().anyMatch(name::endsWith)) {
                    try (InputStream in = resource.getInputStream()) {
                        models.put(folder + "/" + name, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read packaged models from " + folder, e);
        }
    }

    private static boolean isModel(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
