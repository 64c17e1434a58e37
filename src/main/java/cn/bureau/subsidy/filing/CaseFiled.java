package cn.bureau.subsidy.filing;

import java.util.UUID;

/**
 * Published within a filing's transaction once its case has started: whoever records the filing (the audit trail)
 * does so in the same commit, so a filing is never stored without its record, nor recorded without being stored.
 */
public record CaseFiled(UUID applicationId, String businessKey, String filedBy) {
}
