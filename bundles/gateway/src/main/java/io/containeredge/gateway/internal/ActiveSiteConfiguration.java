package io.containeredge.gateway.internal;

/**
 * The configuration version the site runs: written only by the configuration store, through ConfigAdmin,
 * so that a new version restarts {@link SiteComponent} (and everything that depends on the site) while
 * the store itself keeps running. No metatype: not for people to edit.
 */
public @interface ActiveSiteConfiguration {

    String PID = "io.containeredge.site.active";

    /** The version number, for the log. */
    int config_version() default 0;

    /** The version's directory: {@code site.yaml} and {@code profiles/}, read like a configuration directory. */
    String version_dir();

    /** 0 = the port from the site document. */
    int api_port() default 0;

    /** The data directory, where the web server's self-signed certificate is kept across restarts. */
    String data_dir();
}
