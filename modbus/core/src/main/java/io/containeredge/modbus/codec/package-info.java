/**
 * Registers to engineering values and back, for every wire type, with byte/word order, scale,
 * offset, scale-factor registers, sentinels and physical ranges. Pure functions; depends on profile.
 */
package io.containeredge.modbus.codec;
