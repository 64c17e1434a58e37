package cn.bureau.subsidy.filing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded file of a case. Files are never overwritten: a re-upload is a new row, the old stays. */
@Entity
@Table(name = "material")
public class Material {

    @Id
    private UUID id;
    private UUID applicationId;
    private String kind;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content")
    private byte[] content;
    private Instant uploadedAt;
    private String uploadedBy;
    private String stage;

    protected Material() {
    }

    Material(UUID applicationId, String kind, String fileName, String contentType, byte[] content, String sha256,
            Instant uploadedAt, String uploadedBy, String stage) {
        this.id = UUID.randomUUID();
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

    UUID getId() {
        return id;
    }

    UUID getApplicationId() {
        return applicationId;
    }

    String getKind() {
        return kind;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getSha256() {
        return sha256;
    }

    byte[] getContent() {
        return content;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    String getStage() {
        return stage;
    }
}
