/**
 * The gateway's hard-wired I/O on Pi4J 2.x (embedded in this bundle): inputs with polarity, the
 * beacon output, and the unavailable stand-in for machines without a Pi4J platform.
 */
package io.containeredge.gpio;
