package io.containeredge.gateway.api;

import io.containeredge.site.api.LoadedSite;

/** The validated site configuration the gateway runs. */
public interface SiteService {

    LoadedSite site();
}
