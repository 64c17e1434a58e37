package cn.bureau.subsidy.filing;

import java.util.Arrays;

import cn.bureau.subsidy.common.ApiException;

/** What the bureau accepts as a file: PDF or an image, recognised by its content, with a plain file name. */
final class UploadRules {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private UploadRules() {
    }

    /** The content type the bytes prove, or a 400 naming the field. */
    static String contentType(String fileName, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/")
                || fileName.contains("\\") || fileName.contains("..") || fileName.chars().anyMatch(c -> c < 32)) {
            throw ApiException.invalid("file", "INVALID_FILENAME", "A plain file name without a path");
        }
        if (content.length == 0) {
            throw ApiException.invalid("file", "EMPTY_FILE", "The file is empty");
        }
        if (content.length > ApplicantActions.MAX_FILE_BYTES) {
            throw ApiException.invalid("file", "FILE_TOO_LARGE", "At most 20 MB a file");
        }
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        throw ApiException.invalid("file", "UNSUPPORTED_FILE_TYPE", "Upload PDF, PNG or JPEG files only");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
