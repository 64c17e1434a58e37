package cn.bureau.subsidy.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/** The decision tables straight from the files in {@code decisions/}: no Spring, no database. */
final class FileDecisions implements DecisionSource {

    static final Path FOLDER = Path.of("decisions");

    private final Map<String, LoadedDecision> byKey = new HashMap<>();

    FileDecisions() {
        this(FOLDER);
    }

    FileDecisions(Path folder) {
        DmnTables tables = new DmnTables();
        for (Path file : files(folder)) {
            for (String key : decisionKeys(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    byKey.put(key, tables.parse(key, "decisions/" + file.getFileName() + "#" + key, in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public LoadedDecision latest(String decisionKey) {
        LoadedDecision decision = byKey.get(decisionKey);
        if (decision == null) {
            throw new IllegalStateException("No decision " + decisionKey + " in decisions/");
        }
        return decision;
    }

    static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> decisionKeys(Path file) {
        return Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).stream()
                .map(Decision::getId)
                .toList();
    }
}
