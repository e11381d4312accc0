/**
 * The site document as the other bundles read it: an immutable {@link io.containeredge.site.api.SiteConfig}
 * (connections, devices, miners with their {@link io.containeredge.site.api.MinerModel}s, limits, control
 * tuning, the web server's binding and TLS) with the profile of every device
 * ({@link io.containeredge.site.api.LoadedSite}), and {@link io.containeredge.site.api.SiteDocuments}, the one
 * way to load or check a site, used alike by the file loader, {@code --check}, the console and remote
 * configuration; the miner model catalogue is {@link io.containeredge.site.api.MinerModels}. The only
 * exported package of this bundle; it may depend on the Modbus layer's exported packages (config, profile,
 * device) and nothing else of ours.
 */
package io.containeredge.site.api;
