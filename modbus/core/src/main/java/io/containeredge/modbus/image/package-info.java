/**
 * The process image: latest value of every point with quality and timestamp; snapshots evaluate
 * staleness. Depends on value only.
 */
package io.containeredge.modbus.image;
