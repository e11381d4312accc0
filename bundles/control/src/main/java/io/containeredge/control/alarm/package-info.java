/**
 * The alarm registry: turns the conditions the guards report each cycle into alarms with a life
 * (raised, acknowledged, cleared), kept across restarts in an append-only journal. Other bundles read
 * and acknowledge alarms through the API's {@code ControlService}; depends on the API's value types only.
 */
package io.containeredge.control.alarm;
