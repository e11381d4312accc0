/**
 * The container's part in site coordination: the leases the site coordinator grants it ({@link
 * io.containeredge.control.site.LeaseBook}), their budget as a soft limit on the container's import ({@link
 * io.containeredge.control.site.SiteLeaseLimit}) and what the container reports to the coordinator ({@link
 * io.containeredge.control.site.SiteReports}). Internal to the bundle; the site scale rig's container agents use the
 * lease book and the other-load estimate as a gateway does.
 */
package io.containeredge.control.site;
