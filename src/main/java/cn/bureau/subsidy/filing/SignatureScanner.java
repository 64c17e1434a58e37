package cn.bureau.subsidy.filing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The scanner in place until a real one is configured: it knows the industry's test signature only. */
@Component
class SignatureScanner implements MaterialScanner {

    private static final byte[] EICAR = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Optional<String> threatIn(String fileName, byte[] content) {
        return indexOf(content, EICAR) >= 0 ? Optional.of("EICAR-Test-File") : Optional.empty();
    }

    private static int indexOf(byte[] content, byte[] signature) {
        outer:
        for (int i = 0; i <= content.length - signature.length; i++) {
            for (int j = 0; j < signature.length; j++) {
                if (content[i + j] != signature[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
