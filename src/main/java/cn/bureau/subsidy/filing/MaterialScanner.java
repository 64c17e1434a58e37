package cn.bureau.subsidy.filing;

import java.util.Optional;

/**
 * The virus-scan hook every uploaded file passes before it is stored. A bureau plugs its scanner in as a Spring bean
 * of this type marked {@code @Primary} (a clamd or an ICAP client, say); until then {@link SignatureScanner}
 * recognises the EICAR test file, so that the refusal path works end to end.
 */
public interface MaterialScanner {

    /** The name of the threat found in the file, or empty when the file is clean. */
    Optional<String> threatIn(String fileName, byte[] content);
}
