package cn.bureau.subsidy.filing;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file as lists show it: everything but its bytes. A case's list of files (its checklist, the forms'
 * summary, the API) reads these, so that a page never loads files of up to 20 MB each that only a download needs.
 */
record MaterialFile(UUID id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
