/**
 * Time for ages and durations: a monotonic clock that wall-clock steps do not move. Depends on nothing.
 */
package io.containeredge.modbus.time;
