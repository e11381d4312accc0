/**
 * How a site document becomes a site: schema validation, parsing, cross-references, safety invariants,
 * setting ranges, profile resolution. Not exported: other bundles go through
 * {@link io.containeredge.site.api.SiteDocuments}.
 */
package io.containeredge.site.internal;
