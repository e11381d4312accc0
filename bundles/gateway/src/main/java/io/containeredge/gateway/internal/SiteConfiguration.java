package io.containeredge.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which site the gateway runs. Written by the launcher from {@code --config}, or by Kura's UI. */
@ObjectClassDefinition(id = SiteConfiguration.PID, name = "ContainerEdge site",
        description = "Where the site configuration and device profiles are read from")
public @interface SiteConfiguration {

    String PID = "io.containeredge.site";

    @AttributeDefinition(name = "Configuration directory",
            description = "Directory with site.yaml (or one sites/*.yaml) and optional profiles/; empty = built-in site")
    String config_dir() default "";

    @AttributeDefinition(name = "Built-in site", description = "Used when no directory is given")
    String builtin_site() default "demo-container";

    @AttributeDefinition(name = "API port override", description = "0 = the port from the site file")
    int api_port() default 0;
}
