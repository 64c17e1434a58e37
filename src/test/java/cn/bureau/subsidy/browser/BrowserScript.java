package cn.bureau.subsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Playwright scripts in {@code src/test/playwright/} with Node against the running application, in
 * Debian's headless Chromium, and fails the test with the script's output when the script fails or hangs.
 */
public final class BrowserScript {

    private BrowserScript() {
    }

    public static void run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (.ci/run installs it)").exists();
        output(script, environment);
    }

    /** Runs a script of the same folder with Node and answers what it printed; fails the test when it fails. */
    public static String output(String script, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder node = new ProcessBuilder("node", Path.of("src/test/playwright", script).toString())
                .redirectErrorStream(true);
        node.environment().putAll(environment);
        Process process = node.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = output.getNow("(no output yet)");
        assertThat(finished).as("%s finished in time; output:%n%s", script, printed).isTrue();
        assertThat(process.exitValue()).as("%s output:%n%s", script, output.join()).isZero();
        return output.join();
    }
}
