package cn.bureau.subsidy.review;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One enterprise (and, where it matters, project) listed in a registry. */
@Entity
@Table(name = "registry_entry")
class RegistryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Registry registry;
    private String uscc;
    private String projectName;
    private LocalDate listedOn;
    private LocalDate restrictedUntil;
    private String note;
    private Instant importedAt;
    private String importedBy;

    protected RegistryEntry() {
    }

    RegistryEntry(Registry registry, String uscc, String projectName, LocalDate listedOn, LocalDate restrictedUntil,
            String note, Instant importedAt, String importedBy) {
        this.registry = registry;
        this.uscc = uscc;
        this.projectName = projectName;
        this.listedOn = listedOn;
        this.restrictedUntil = restrictedUntil;
        this.note = note;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    /**
     * Whether this entry counts against a case on {@code day} for {@code project}: a restriction until it ends, a
     * violation for three years after it was listed, an entry naming a project only for that project.
     */
    boolean appliesOn(LocalDate day, String project) {
        if (projectName != null && !projectName.equals(project)) {
            return false;
        }
        return switch (registry) {
            case SERIOUS_DISHONESTY -> restrictedUntil == null || !restrictedUntil.isBefore(day);
            case SERIOUS_VIOLATION -> listedOn == null || !listedOn.isBefore(day.minusYears(3));
            default -> true;
        };
    }

    String describe() {
        StringBuilder text = new StringBuilder(registry.name());
        if (projectName != null) {
            text.append(" for project ").append(projectName);
        }
        if (listedOn != null) {
            text.append(", listed ").append(listedOn);
        }
        if (restrictedUntil != null) {
            text.append(", restricted until ").append(restrictedUntil);
        }
        if (note != null && !note.isBlank()) {
            text.append(" (").append(note).append(')');
        }
        return text.toString();
    }

    Long getId() {
        return id;
    }

    Registry getRegistry() {
        return registry;
    }

    String getUscc() {
        return uscc;
    }

    String getProjectName() {
        return projectName;
    }

    LocalDate getListedOn() {
        return listedOn;
    }

    LocalDate getRestrictedUntil() {
        return restrictedUntil;
    }

    String getNote() {
        return note;
    }
}
