/**
 * The versioned site configuration behind {@link io.containeredge.gateway.api.SiteConfigurations}: one
 * validator for every candidate (written out and loaded like a configuration directory), versions stored
 * under {@code <data dir>/config/} so that a power cut leaves the old or the new one complete, seeding from
 * the configuration file, applying by switching the site's active version through ConfigAdmin, and the
 * trial that rolls a version back when devices that were online before stay offline after the grace
 * period.
 */
package io.containeredge.gateway.config;
