/**
 * Files that survive a power cut: whole files and directories replaced atomically
 * ({@link io.containeredge.gateway.storage.api.DurableFiles}) and append-only JSON-lines journals forced to the
 * device per append ({@link io.containeredge.gateway.storage.api.JsonLinesFile}). Exported so the bundles above
 * (control, cloud) keep their journals the same way.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.containeredge.gateway.storage.api;
