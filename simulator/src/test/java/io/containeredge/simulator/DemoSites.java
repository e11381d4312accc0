package io.containeredge.simulator;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;

/** The demo site as the tests of the container's physics take it: without its AI tenant, whose servers add load. */
public final class DemoSites {

    private DemoSites() {
    }

    /** The built-in demo without its {@code ai} section: the meters read miners, auxiliaries, battery and PV. */
    public static LoadedSite withoutAi() throws ConfigException {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        SiteConfig c = demo.config();
        return new LoadedSite(new SiteConfig(c.site(), c.container(), c.description(), c.connections(), c.devices(),
                c.miners(), c.limits(), c.api(), c.simulation(), c.control(), c.economics(), c.planner()),
                demo.profilesByDevice(), demo.refused(), demo.source());
    }

    /** The demo site's text without its {@code ai} section. */
    public static String withoutAi(String site) {
        return site.replaceFirst("(?ms)^ai:\\n.*?(?=^[a-z])", "");
    }
}
