/**
 * The Modbus client abstraction and its j2mod implementation (TCP, RTU over serial, RTU over TCP),
 * with failures classified as timeout, exception, malformed or I/O.
 */
package io.containeredge.modbus.client;
