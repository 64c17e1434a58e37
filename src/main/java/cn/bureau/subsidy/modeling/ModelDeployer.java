package cn.bureau.subsidy.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owner's models under names relative to their folder ({@code processes/case.bpmn}), so the
 * same file always has the same name wherever the application runs from. Reads the folders when they are present
 * (a process owner edits a file and restarts) and the copies packaged in the jar otherwise.
 *
 * <p>All models go into one deployment: when any file changed, every model gets a new version together, which keeps
 * {@code formRefBinding} and {@code decisionRefBinding="deployment"} pointing at models of the same release. An
 * unchanged set makes no deployment at all. The start-up deployment's source is {@value #STARTUP_SOURCE}; a rollout
 * through the API ({@link Rollouts}) writes its message there, which Cockpit shows and searches.
 */
@Component
public class ModelDeployer {

    public static final String DEPLOYMENT_NAME = "subsidy-models";
    /** The source of the deployment made at start-up; a rollout through the API names its message instead. */
    static final String STARTUP_SOURCE = "model folders";
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
    public String deployFrom(Path modelsDirectory) {
        return deploy(readModels(modelsDirectory), STARTUP_SOURCE);
    }

    /** Where the process owner's folders are. */
    Path directory() {
        return directory;
    }

    /**
     * Deploys this set of models under the one deployment name; {@code source} is what Cockpit shows and searches
     * as the deployment's source (at most 255 characters). Null when nothing changed.
     */
    synchronized String deploy(Map<String, byte[]> models, String source) {
        if (sameAsLatest(models)) {
            log.info("Models unchanged: {}", models.keySet());
            return null;
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(source.length() > 255 ? source.substring(0, 254) + "…" : source);
        models.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
        Deployment deployment = builder.deploy();
        log.info("Models deployed as {} ({}): {}", deployment.getId(), source, models.keySet());
        return deployment.getId();
    }

    /**
     * Whether these models are exactly the latest deployment's. The latest is found through the newest version of
     * the processes, not the deployment time, which tests move; every deployment carries all models, so the newest
     * versions of all processes come from one deployment.
     */
    private boolean sameAsLatest(Map<String, byte[]> models) {
        Set<String> deploymentIds = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> models.containsKey(definition.getResourceName()))
                .map(ProcessDefinition::getDeploymentId)
                .collect(Collectors.toSet());
        if (deploymentIds.size() != 1) {
            return false;
        }
        String latest = deploymentIds.iterator().next();
        List<Resource> resources = repositoryService.getDeploymentResources(latest);
        if (resources.size() != models.size()) {
            return false;
        }
        for (Resource resource : resources) {
            byte[] model = models.get(resource.getName());
            if (model == null) {
                return false;
            }
            try (InputStream in = repositoryService.getResourceAsStream(latest, resource.getName())) {
                if (!Arrays.equals(model, in.readAllBytes())) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read deployed resource " + resource.getName(), e);
            }
        }
        return true;
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
            org.springframework.core.io.Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder + "/*");
            for (org.springframework.core.io.Resource resource : resources) {
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
