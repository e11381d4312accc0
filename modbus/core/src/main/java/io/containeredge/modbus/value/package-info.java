/**
 * Value types of the process image: a point's value, unit, quality and timestamp. No dependencies.
 */
package io.containeredge.modbus.value;
