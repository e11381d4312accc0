package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTokenAuthenticatesAsItsNameAndRole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("api-tokens");
        Files.writeString(file, """
                # who may call the API
                scada   technician  %s   # the site's SCADA
                ops     ADMIN       %s

                """.formatted(sha256("scada-token-1"), sha256("ops-token-2").toUpperCase()));
        ApiTokens tokens = ApiTokens.read(file);
        assertEquals(2, tokens.size());
        assertEquals(new ConsoleUser("scada", Role.TECHNICIAN, true), tokens.authenticate("scada-token-1").orElseThrow());
        assertEquals(new ConsoleUser("ops", Role.ADMIN, true), tokens.authenticate("ops-token-2").orElseThrow());
        assertTrue(tokens.authenticate("scada-token-2").isEmpty());
        assertTrue(tokens.authenticate(sha256("scada-token-1")).isEmpty(), "the digest itself is not the token");
        assertTrue(tokens.authenticate("").isEmpty());
        assertTrue(tokens.authenticate(null).isEmpty());
        assertTrue(ApiTokens.none().authenticate("scada-token-1").isEmpty());
    }

    @Test
    void everyMistakeNamesTheFileAndLine() throws Exception {
        String good = sha256("t");
        List<List<String>> bad = List.of(
                List.of("# ok", "scada technician"),
                List.of("# ok", "Scada technician " + good),
                List.of("# ok", "scada superuser " + good),
                List.of("# ok", "scada technician " + good.substring(1)),
                List.of("# ok", "scada technician " + "z".repeat(64)),
                List.of("scada technician " + good, "scada viewer " + sha256("u")));
        for (List<String> lines : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ApiTokens.parse(lines, "tokens.txt"), lines.toString());
            assertTrue(e.getMessage().startsWith("tokens.txt:2: "), e.getMessage());
        }
    }
}
