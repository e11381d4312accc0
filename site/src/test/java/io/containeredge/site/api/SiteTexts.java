package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A site document written as {@code site.yaml} into a configuration directory, then loaded or checked. */
final class SiteTexts {

    private SiteTexts() {
    }

    /** The site as the gateway loads it; throws what refuses it. */
    static SiteConfig load(Path dir, String text) throws Exception {
        Files.writeString(dir.resolve("site.yaml"), text);
        return SiteDocuments.load(dir).config();
    }

    /** Every error the gateway's check finds in it. */
    static List<ConfigError> errors(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), text);
        return SiteDocuments.check(dir).errors();
    }
}
