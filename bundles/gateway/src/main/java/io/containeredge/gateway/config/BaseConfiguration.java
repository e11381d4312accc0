package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration the gateway was started with (a configuration directory, or a built-in site for the
 * demo), as documents for the store. {@code fileNames} maps a document's name in a version
 * ({@code site.yaml}, {@code profiles/<id>.yaml}) to where it really is, so a technician's error messages
 * name the file they edit.
 */
record BaseConfiguration(ConfigDocuments documents, Map<String, String> fileNames) {

    /** Reads the base; refuses it when it cannot be read. */
    @FunctionalInterface
    interface Source {
        BaseConfiguration read() throws ConfigException;
    }

    BaseConfiguration {
        fileNames = Map.copyOf(fileNames);
    }

    String displayName(String versionFile) {
        return fileNames.getOrDefault(versionFile, versionFile);
    }

    /** The site document of a configuration directory and the profiles in its {@code profiles/}. */
    static BaseConfiguration directory(Path dir) throws ConfigException {
        Path siteFile = SiteDocuments.findSiteFile(dir);
        try {
            ConfigDocuments documents = DocumentFiles.read(siteFile, dir);
            Map<String, String> names = new HashMap<>();
            names.put(DocumentFiles.SITE_FILE, siteFile.toString());
            for (String id : documents.profiles().keySet()) {
                names.put(DocumentFiles.profileFile(id), dir.resolve(DocumentFiles.profileFile(id)).toString());
            }
            return new BaseConfiguration(documents, names);
        } catch (IOException e) {
            throw ConfigException.single(dir.toString(), "$", "cannot read the configuration directory: " + e);
        }
    }

    /** A site shipped inside the bundle (e.g. {@code demo-container}); its profiles are the built-in ones. */
    static BaseConfiguration builtIn(String name) throws ConfigException {
        return builtIn(name, 0);
    }

    /**
     * A built-in site, taking part in site coordination with a fallback share of {@code siteLeaseKw} when positive
     * (the site demo's container: a {@code siteLease} section added to the shipped text, checked like any site).
     */
    static BaseConfiguration builtIn(String name, int siteLeaseKw) throws ConfigException {
        String text = SiteDocuments.builtInText(name);
        if (siteLeaseKw > 0) {
            text += "\nsiteLease:\n  fallbackShareKw: " + siteLeaseKw + "\n";
        }
        return new BaseConfiguration(new ConfigDocuments(text, Map.of()),
                Map.of(DocumentFiles.SITE_FILE, "built-in:sites/" + name + ".yaml"
                        + (siteLeaseKw > 0 ? " with siteLease " + siteLeaseKw + " kW" : "")));
    }
}
