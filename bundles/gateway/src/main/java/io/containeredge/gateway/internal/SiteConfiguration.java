package io.containeredge.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which site the gateway starts from and where its configuration versions are kept. Written by the
 * launcher from {@code --config} / {@code --demo} and {@code --data}, or by Kura's UI. Read by the
 * configuration store, which turns it into versions; the site itself runs the active version.
 */
@ObjectClassDefinition(id = SiteConfiguration.PID, name = "ContainerEdge site",
        description = "Where the site configuration and device profiles are read from, and how changes are kept")
public @interface SiteConfiguration {

    String PID = "io.containeredge.site";

    @AttributeDefinition(name = "Configuration directory",
            description = "Directory with site.yaml (or one sites/*.yaml) and optional profiles/; empty = built-in site")
    String config_dir() default "";

    @AttributeDefinition(name = "Built-in site", description = "Used when no directory is given")
    String builtin_site() default "demo-container";

    @AttributeDefinition(name = "Built-in site's fallback share (kW)",
            description = "0 = the built-in site as shipped; else it takes part in site coordination (siteLease) with"
                    + " this fallback share", min = "0")
    int builtin_site_lease_kw() default 0;

    @AttributeDefinition(name = "API port override", description = "0 = the port from the site file")
    int api_port() default 0;

    @AttributeDefinition(name = "Data directory",
            description = "Configuration versions are kept in <data dir>/config/, the audit trail in <data dir>/audit.jsonl")
    String data_dir() default "containeredge-data";

    @AttributeDefinition(name = "Trial grace period (s)",
            description = "After a change, devices that were online must be online again within this time,"
                    + " else the change is rolled back", min = "1")
    int trial_grace_seconds() default 60;

    @AttributeDefinition(name = "Versions kept", description = "Older superseded versions are deleted", min = "2")
    int max_versions() default 50;
}
