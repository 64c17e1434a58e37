package cn.bureau.subsidy.modeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.identity.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The process owner's side of the models, for program managers: check the folders (or files about to replace
 * theirs), see what changed tables would do to a program's cases, roll the folders out, and migrate running cases to
 * a new version.
 */
@RestController
@PreAuthorize("hasAuthority('program-managers')")
class ModelsController {

    /** The message of a rollout: what changed and why. Cockpit shows it as the deployment's source. */
    record RolloutRequest(@NotBlank @Size(max = 200) String message) {
    }

    /** The findings of a check; {@code errors} stop a rollout, {@code warnings} do not. */
    record CheckReport(int errors, int warnings, List<String> files, List<Finding> findings) {

        static CheckReport of(List<String> files, List<Finding> findings) {
            int errors = ModelChecks.errors(findings).size();
            return new CheckReport(errors, findings.size() - errors, files, findings);
        }
    }

    private final Rollouts rollouts;
    private final Migrations migrations;
    private final WhatIf whatIf;
    private final Callers callers;

    ModelsController(Rollouts rollouts, Migrations migrations, WhatIf whatIf, Callers callers) {
        this.rollouts = rollouts;
        this.migrations = migrations;
        this.whatIf = whatIf;
        this.callers = callers;
    }

    /** The checks on the model folders as they are now. */
    @GetMapping("/api/models/checks")
    CheckReport check() {
        return CheckReport.of(List.of(), rollouts.check());
    }

    /** The checks on the folders with the uploaded files in place of theirs (by name: case.bpmn, x.dmn, y.form). */
    @PostMapping(path = "/api/models/checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CheckReport check(@RequestPart("files") List<MultipartFile> files) {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            changed.put(folderOf(file.getOriginalFilename()), bytes(file));
        }
        return CheckReport.of(List.copyOf(changed.keySet()), rollouts.check(changed));
    }

    /** Replays a program's filed cases through changed DMN files; deploys nothing. */
    @PostMapping(path = "/api/decisions/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WhatIf.Report whatIf(@RequestParam("program") String program, @RequestPart("files") List<MultipartFile> files) {
        Map<String, byte[]> dmn = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            dmn.put(plainName(file.getOriginalFilename()), bytes(file));
        }
        return whatIf.replay(program, dmn);
    }

    /** Checks and deploys the folders; 201 with what changed, 200 when nothing did, 422 when a check fails. */
    @PostMapping("/api/models/deployments")
    ResponseEntity<Rollouts.Report> rollout(@Valid @RequestBody RolloutRequest request) {
        Rollouts.Report report = rollouts.rollout(request.message(), callers.current().userId());
        return ResponseEntity.status(report.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }

    @GetMapping("/api/models/deployments")
    List<Rollouts.DeploymentView> deployments() {
        return rollouts.deployments();
    }

    /** The migration plan(s) for running cases, and which cases map cleanly; changes nothing. */
    @PostMapping("/api/models/migrations/plan")
    List<Migrations.Preview> plan(@RequestBody Migrations.Request request) {
        return migrations.preview(request);
    }

    /** Starts moving cases of one version to another as a batch; 202 with the report to follow. */
    @PostMapping("/api/models/migrations")
    ResponseEntity<Migrations.Report> migrate(@RequestBody Migrations.Request request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.start(request, callers.current().userId()));
    }

    @GetMapping("/api/models/migrations/{id}")
    Migrations.Report migration(@PathVariable String id) {
        return migrations.report(id);
    }

    private static String folderOf(String originalName) {
        String name = plainName(originalName);
        if (name.endsWith(".bpmn")) {
            return "processes/" + name;
        }
        if (name.endsWith(".dmn")) {
            return "decisions/" + name;
        }
        if (name.endsWith(".form")) {
            return "forms/" + name;
        }
        throw ApiException.invalid("files[" + name + "]", "NOT_A_MODEL", "A model is a .bpmn, .dmn or .form file");
    }

    private static String plainName(String originalName) {
        if (originalName == null || originalName.isBlank()) {
            throw ApiException.invalid("files", "NO_FILE_NAME", "Each file needs its name, e.g. support-rates.dmn");
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw ApiException.invalid("files[" + name + "]", "INVALID_FILE_NAME",
                    "Letters, digits, dots, hyphens and underscores");
        }
        return name;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
