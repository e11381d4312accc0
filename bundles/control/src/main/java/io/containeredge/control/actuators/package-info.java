/**
 * The edges that write to devices: the battery inverter and the PV inverters' export caps (SunSpec, with
 * read-back), the CDU's cooling raise and the PDU sockets. They carry out what the guards and the PV export
 * limit decided and decide nothing; depend on the power and thermal packages' commands, the loop's log
 * throttle and the modbus bundle.
 */
package io.containeredge.control.actuators;
