package cn.bureau.subsidy.filing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** An uploaded file of a case. Files are never overwritten: a re-upload is a new row, the old stays. */
@Entity
@Table(name = "material")
public class Material implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID applicationId;
    private String kind;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    /** Read with the entity, which only an upload and a download load; lists read {@link MaterialFile}. */
    @Column(name = "content")
    private byte[] content;
    private Instant uploadedAt;
    private String uploadedBy;
    private String stage;

    /** A new file is inserted at once, not looked up first (and read with its bytes) as an id of its own makes it. */
    @Transient
    private boolean isNew;

    protected Material() {
    }

    Material(UUID applicationId, String kind, String fileName, String contentType, byte[] content, String sha256,
            Instant uploadedAt, String uploadedBy, String stage) {
        this.id = UUID.randomUUID();
        this.isNew = true;
        this.applicationId = applicationId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
        this.stage = stage;
    }

    @PostPersist
    @PostLoad
    void stored() {
        this.isNew = false;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    MaterialFile file() {
        return new MaterialFile(id, kind, fileName, contentType, sizeBytes, sha256, uploadedAt, uploadedBy);
    }

    UUID getApplicationId() {
        return applicationId;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    byte[] getContent() {
        return content;
    }
}
