package io.containeredge.site.api;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.internal.SiteLoader;
import java.nio.file.Path;

/**
 * The one way into a site document: the file loader, {@code --check}, the console and remote configuration
 * all read and check sites here, so they accept and refuse exactly the same documents (schema, references,
 * safety invariants, setting ranges, every device's profile). What comes back is immutable: a site is
 * parsed once per configuration version and handed on as it is.
 */
public final class SiteDocuments {

    private SiteDocuments() {
    }

    /**
     * Everything wrong in a configuration directory, all at once, without running any of it: the site
     * document, every device's profile (also when the site document itself is refused), every profile in
     * {@code profiles/} and every miner model in {@code miners/}, used or not.
     */
    public static SiteCheck check(Path configDirectory) {
        return SiteLoader.check(configDirectory);
    }

    /**
     * Loads the site of a configuration directory: {@code <dir>/site.yaml}, or else the only file in
     * {@code <dir>/sites/}. A device whose profile is refused is listed in {@link LoadedSite#refused()}.
     *
     * @throws ConfigException with every error when the site document itself is refused
     */
    public static LoadedSite load(Path configDirectory) throws ConfigException {
        return SiteLoader.loadDirectory(configDirectory);
    }

    /** Loads a site file; its profiles come from {@code profiles}. */
    public static LoadedSite load(Path siteFile, ConfigSource profiles) throws ConfigException {
        return SiteLoader.load(siteFile, profiles);
    }

    /** Loads a site shipped with this bundle, e.g. {@code demo-container}, with the built-in profiles. */
    public static LoadedSite loadBuiltIn(String name) throws ConfigException {
        return SiteLoader.loadBuiltIn(name);
    }

    /** The document of a site shipped with this bundle as written, for callers that keep or hash it. */
    public static String builtInText(String name) throws ConfigException {
        return SiteLoader.builtInText(name);
    }

    /** The site document of a configuration directory: {@code site.yaml}, or else the only {@code sites/*.yaml}. */
    public static Path findSiteFile(Path configDirectory) throws ConfigException {
        return SiteLoader.findSiteFile(configDirectory);
    }
}
