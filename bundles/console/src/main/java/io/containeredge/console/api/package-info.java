/**
 * The one thing the console offers other bundles: checking an API tokens file exactly as the console will
 * read it ({@link io.containeredge.console.api.ApiTokenFiles}), for the launcher's {@code --check}.
 * Everything else of the console stays private.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.console.api;
