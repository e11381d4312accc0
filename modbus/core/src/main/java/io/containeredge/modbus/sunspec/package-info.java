/**
 * SunSpec support: model definitions loaded as data from {@code firmware-config/sunspec}, discovery of
 * a device's model chain ('SunS' marker, then (id, L, body) until 0xFFFF), turning the models a profile
 * asks for into absolute-address points named {@code m<id>.<Point>}, and the register layout a
 * simulated SunSpec device exposes.
 */
package io.containeredge.modbus.sunspec;
