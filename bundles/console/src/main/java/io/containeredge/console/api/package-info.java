/**
 * The one thing the console offers other bundles: checking an API tokens file exactly as the console will
 * read it ({@link io.containeredge.console.api.ApiTokenFiles}), for the launcher's {@code --check}.
 * Everything else of the console stays private. The console itself may depend on the gateway's, control's,
 * cloud's, site's and the HTTP layer's API packages and the Modbus library's value types; it only reads
 * what control decided (the container state included), it never decides.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.console.api;
