package io.containeredge.gateway.api;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import java.util.List;

/**
 * The versioned site configuration: the one way the file loader, the console and the cloud change
 * what the gateway runs. Every change goes through the site validator (schema, references, safety
 * invariants); a refused change leaves everything as it was. An applied version that takes devices
 * offline which were online before is rolled back automatically after a grace period.
 */
public interface SiteConfigurations {

    /**
     * Validates {@code documents} and, when valid, stores them as the next version and applies it
     * (the site and every device restart on it).
     *
     * @param source who asked, for the history and the audit trail (e.g. {@code mqtt:ops-centre})
     * @throws ConfigException with every error; nothing was stored or changed
     */
    ConfigVersion apply(ConfigDocuments documents, String source) throws ConfigException;

    /**
     * Checks {@code documents} exactly as {@link #apply} would (the same validator, the same site identity
     * rule) without storing or applying anything, e.g. for an editor that shows errors before applying.
     *
     * @return every error found; empty when {@link #apply} would accept the documents
     */
    List<ConfigError> validate(ConfigDocuments documents);

    /** Applies an earlier version again (as a new version that copies it). */
    ConfigVersion rollback(int version, String source) throws ConfigException;

    /**
     * The version running now.
     *
     * @throws IllegalStateException when there is none: the configured site was refused at the first start,
     *     so no site (and no {@code SiteService}) runs either
     */
    ConfigVersion current();

    /** Every version, newest first. */
    List<ConfigVersion> history();

    /**
     * The documents of a version.
     *
     * @throws IllegalArgumentException when there is no such version
     */
    ConfigDocuments documents(int version);
}
