/**
 * What other bundles (the console) may read of the cloud link. The cloud bundle itself may depend on the
 * gateway's, control's and site's API packages, the Modbus library's value types, Paho, sqlite-jdbc, Tahu
 * and protobuf; nothing else of ours.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.cloud.api;
