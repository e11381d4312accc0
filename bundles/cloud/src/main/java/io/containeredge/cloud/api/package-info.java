/** What other bundles (the console) may read of the cloud link. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.cloud.api;
