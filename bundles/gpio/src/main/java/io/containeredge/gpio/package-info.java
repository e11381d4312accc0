/**
 * The gateway's hard-wired I/O on Pi4J 2.x (embedded in this bundle): inputs with polarity, the
 * beacon output, and the unavailable stand-in for machines without a Pi4J platform. Depends on Pi4J
 * (embedded) and OSGi only; exports only {@code io.containeredge.gpio.api}.
 */
package io.containeredge.gpio;
