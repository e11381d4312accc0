package io.containeredge.gateway.api;

import io.containeredge.modbus.site.LoadedSite;

/** The validated site configuration the gateway runs. */
public interface SiteService {

    LoadedSite site();
}
