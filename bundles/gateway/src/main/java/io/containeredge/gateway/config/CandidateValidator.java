package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.storage.api.DurableFiles;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteCheck;
import io.containeredge.site.api.SiteDocuments;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a candidate version exactly as {@code --check} checks a configuration directory: its documents
 * are written to a scratch directory and checked with {@link SiteDocuments#check}, so schema, references,
 * safety invariants, profile resolution (the version's profiles first, then the built-in ones) and the
 * profiles no device uses yet are the site loader's own. Stricter than start-up in one way: a device
 * that would be refused refuses the whole version. On top: size limits, safe profile file names, and the
 * site identity kept.
 */
final class CandidateValidator {

    static final int MAX_DOCUMENT_BYTES = 1 << 20;
    static final int MAX_PROFILES = 64;
    /** The profile schema's id pattern, bounded: ids become file names. */
    static final Pattern PROFILE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String SCRATCH_PREFIX = ".tmp-check-";

    private final Path scratchParent;

    /** @param scratchParent where scratch directories are made (and removed again) */
    CandidateValidator(Path scratchParent) {
        this.scratchParent = scratchParent;
    }

    /**
     * @param identity    the site and container ids the candidate must keep, or null when it may set them
     * @param displayName maps a document's name in the version ({@code site.yaml}, {@code profiles/x.yaml})
     *                    to the name errors should carry
     * @return the candidate's site
     * @throws ConfigException with every error found
     */
    SiteConfig validate(ConfigDocuments documents, SiteIdentity identity, UnaryOperator<String> displayName)
            throws ConfigException {
        List<ConfigError> errors = limits(documents, displayName);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Path dir = scratch();
        try {
            DocumentFiles.write(dir, documents);
            SiteCheck check = SiteDocuments.check(dir);
            errors.addAll(check.errors());
            SiteConfig site = check.site().map(LoadedSite::config).orElse(null);
            if (site != null && identity != null) {
                errors.addAll(identity.changesIn(site, DocumentFiles.SITE_FILE));
            }
            if (!errors.isEmpty()) {
                throw new ConfigException(renamed(errors, dir, displayName));
            }
            return site;
        } catch (IOException e) {
            throw ConfigException.single(displayName.apply(DocumentFiles.SITE_FILE), "$",
                    "cannot check the documents: " + e);
        } finally {
            deleteScratch(dir);
        }
    }

    private static List<ConfigError> limits(ConfigDocuments documents, UnaryOperator<String> displayName) {
        List<ConfigError> errors = new ArrayList<>();
        checkSize(displayName.apply(DocumentFiles.SITE_FILE), documents.site(), errors);
        if (documents.profiles().size() > MAX_PROFILES) {
            errors.add(new ConfigError(DocumentFiles.PROFILES, "$", documents.profiles().size()
                    + " profiles; at most " + MAX_PROFILES + " are accepted in one version"));
        }
        for (Map.Entry<String, String> p : documents.profiles().entrySet()) {
            if (!PROFILE_ID.matcher(p.getKey()).matches()) {
                errors.add(new ConfigError(DocumentFiles.PROFILES, "$['" + p.getKey() + "']",
                        "profile id is not a safe file name: 1 to 64 of a-z, 0-9 and '-', starting with a letter or digit"));
            } else {
                checkSize(displayName.apply(DocumentFiles.profileFile(p.getKey())), p.getValue(), errors);
            }
        }
        return errors;
    }

    private static void checkSize(String file, String text, List<ConfigError> errors) {
        long bytes = utf8Length(text);
        if (bytes > MAX_DOCUMENT_BYTES) {
            errors.add(new ConfigError(file, "$", "document is " + bytes + " bytes; at most " + MAX_DOCUMENT_BYTES
                    + " (1 MiB) are accepted"));
        }
    }

    /** Counted, not encoded: a hostile document must not cost a second copy of itself on a small heap. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a surrogate pair is 4 bytes: 2 for each half
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** Errors name the scratch directory's files; give them the names the sender knows. */
    private static List<ConfigError> renamed(List<ConfigError> errors, Path dir, UnaryOperator<String> displayName) {
        String prefix = dir + File.separator;
        return errors.stream().map(e -> {
            String name = e.file();
            if (name.startsWith(prefix)) {
                name = displayName.apply(name.substring(prefix.length()).replace(File.separatorChar, '/'));
            } else if (name.equals(DocumentFiles.SITE_FILE)) {
                name = displayName.apply(name);
            }
            return new ConfigError(name, e.path(), e.reason());
        }).toList();
    }

    private Path scratch() throws ConfigException {
        try {
            Files.createDirectories(scratchParent);
            return Files.createTempDirectory(scratchParent, SCRATCH_PREFIX);
        } catch (IOException e) {
            throw ConfigException.single(scratchParent.toString(), "$", "cannot make a scratch directory: " + e);
        }
    }

    private static void deleteScratch(Path dir) {
        try {
            DurableFiles.deleteTree(dir);
        } catch (IOException e) {
            // left for the store, which removes scratch directories when it opens
        }
    }
}
