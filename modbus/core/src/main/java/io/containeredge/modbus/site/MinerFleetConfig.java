package io.containeredge.modbus.site;

/**
 * The miners of the container, reached over the CGMiner-style API at {@code host:basePort+i}.
 * Miner i sits on PDU {@code i / socketsPerPdu}, socket {@code i % socketsPerPdu}.
 */
public record MinerFleetConfig(int count, String host, int basePort, double ratedPowerW, int socketsPerPdu) {
}
