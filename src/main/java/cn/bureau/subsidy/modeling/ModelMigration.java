package cn.bureau.subsidy.modeling;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** One migration of running cases to another version of their process, run by Camunda as a batch. */
@Entity
@Table(name = "model_migration")
class ModelMigration {

    @Id
    private UUID id;
    private String batchId;
    private String processKey;
    private String sourceDefinitionId;
    private String targetDefinitionId;
    /** The explicit mappings asked for, as {@code source=target} lines. */
    private String mappings;
    private String startedBy;
    private Instant startedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_migration_case", joinColumns = @JoinColumn(name = "migration_id"))
    @Column(name = "process_instance_id")
    private Set<String> processInstanceIds = new LinkedHashSet<>();

    protected ModelMigration() {
    }

    ModelMigration(String processKey, String sourceDefinitionId, String targetDefinitionId, String mappings,
            Set<String> processInstanceIds, String startedBy, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.processKey = processKey;
        this.sourceDefinitionId = sourceDefinitionId;
        this.targetDefinitionId = targetDefinitionId;
        this.mappings = mappings;
        this.processInstanceIds.addAll(processInstanceIds);
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    void runAs(String batchId) {
        this.batchId = batchId;
    }

    UUID getId() {
        return id;
    }

    String getBatchId() {
        return batchId;
    }

    String getProcessKey() {
        return processKey;
    }

    String getSourceDefinitionId() {
        return sourceDefinitionId;
    }

    String getTargetDefinitionId() {
        return targetDefinitionId;
    }

    String getMappings() {
        return mappings;
    }

    String getStartedBy() {
        return startedBy;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Set<String> getProcessInstanceIds() {
        return Set.copyOf(processInstanceIds);
    }
}
