/**
 * Poll planning: the fewest read requests for a set of points (gap bridging, 125-register limit,
 * unreadable ranges). Pure functions; depends on profile.
 */
package io.containeredge.modbus.plan;
