/**
 * The alarm registry: turns the conditions the guards report each cycle into alarms with a life
 * (raised, acknowledged, cleared), kept across restarts in an append-only journal. Exported because
 * the API, the console and the cloud read and acknowledge alarms.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.containeredge.control.alarm;
