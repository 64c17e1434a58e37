package cn.bureau.subsidy.review;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.PlainText;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.identity.Callers;

/**
 * The registries auditors keep for the qualification check. An import takes CSV with the header
 * {@code uscc,projectName,listedOn,restrictedUntil,note}; it is stored whole or, when any row is wrong, not at all.
 */
@RestController
class RegistryController {

    static final List<String> HEADER = List.of("uscc", "projectName", "listedOn", "restrictedUntil", "note");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();
    private static final int MAX_ROWS = 100_000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    record EntryView(long id, String registry, String uscc, String projectName, LocalDate listedOn,
            LocalDate restrictedUntil, String note) {
        static EntryView of(RegistryEntry e) {
            return new EntryView(e.getId(), e.getRegistry().name(), e.getUscc(), e.getProjectName(), e.getListedOn(),
                    e.getRestrictedUntil(), e.getNote());
        }
    }

    private final RegistryEntries entries;
    private final Callers callers;

    RegistryController(RegistryEntries entries, Callers callers) {
        this.entries = entries;
        this.callers = callers;
    }

    @GetMapping("/api/registries/{registry}")
    @PreAuthorize("hasAnyAuthority('auditors', 'supervisors')")
    List<EntryView> list(@PathVariable String registry) {
        return entries.findByRegistryOrderByUsccAscIdAsc(registry(registry)).stream().map(EntryView::of).toList();
    }

    @PostMapping(path = "/api/registries/{registry}/import", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('auditors')")
    @Transactional
    Map<String, Integer> importCsv(@PathVariable String registry, @RequestBody(required = false) String body) {
        Registry target = registry(registry);
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("csv", "REQUIRED", "Send the CSV, starting with its header line");
        }
        // Spreadsheet programs start a UTF-8 CSV with a byte-order mark; it is not part of the first column's name.
        String csv = body.startsWith("\uFEFF") ? body.substring(1) : body;
        List<FieldProblem> errors = new ArrayList<>();
        List<RegistryEntry> rows = new ArrayList<>();
        String user = callers.current().userId();
        try (CSVParser parser = CSV.parse(new StringReader(csv))) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw ApiException.invalid("csv", "INVALID_HEADER", "The first line must be: " + String.join(",", HEADER));
            }
            for (CSVRecord record : parser) {
                String row = "rows[" + record.getRecordNumber() + "]";
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw ApiException.invalid("csv", "TOO_MANY_ROWS", "At most " + MAX_ROWS + " rows an import");
                }
                if (!record.isConsistent()) {
                    errors.add(new FieldProblem(row, "INVALID_ROW", "Five cells: " + String.join(",", HEADER)));
                    continue;
                }
                String uscc = record.get("uscc").strip();
                if (!Uscc.isValid(uscc)) {
                    errors.add(new FieldProblem(row + ".uscc", "INVALID_USCC", "Not a unified social credit code"));
                }
                LocalDate listedOn = date(record.get("listedOn"), row + ".listedOn", errors);
                LocalDate restrictedUntil = date(record.get("restrictedUntil"), row + ".restrictedUntil", errors);
                String projectName = text(record.get("projectName"), row + ".projectName", 300, errors);
                String note = text(record.get("note"), row + ".note", 1000, errors);
                rows.add(new RegistryEntry(target, uscc, projectName, listedOn, restrictedUntil, note,
                        ShenzhenTime.now(), user));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException malformed) {
            throw ApiException.invalid("csv", "MALFORMED_CSV", "The CSV cannot be read");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        entries.saveAll(rows);
        return Map.of("imported", rows.size());
    }

    @DeleteMapping("/api/registries/{registry}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('auditors')")
    void delete(@PathVariable String registry, @PathVariable long id) {
        RegistryEntry entry = entries.findById(id).filter(e -> e.getRegistry() == registry(registry))
                .orElseThrow(() -> ApiException.notFound("Registry entry", id));
        entries.delete(entry);
    }

    private static Registry registry(String name) {
        try {
            return Registry.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.notFound("Registry", name);
        }
    }

    private static LocalDate date(String cell, String field, List<FieldProblem> errors) {
        if (cell.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(cell.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "INVALID_DATE", "A date such as 2025-03-01"));
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            // Year +999999999 parses, and then overflows the database's date.
            errors.add(new FieldProblem(field, "OUT_OF_RANGE", "A date in the years 1900 to 2100"));
            return null;
        }
        return date;
    }

    /** A text cell as stored: blank is none; too long or with control characters is refused, not cut or mangled. */
    private static String text(String cell, String field, int maxLength, List<FieldProblem> errors) {
        if (cell.isBlank()) {
            return null;
        }
        String text = cell.strip();
        if (text.length() > maxLength) {
            errors.add(new FieldProblem(field, "INVALID_LENGTH", "At most " + maxLength + " characters"));
            return null;
        }
        if (!PlainText.isPlain(text)) {
            errors.add(new FieldProblem(field, "INVALID_CHARACTERS",
                    "Control characters and broken Unicode are not accepted"));
            return null;
        }
        return text;
    }
}
