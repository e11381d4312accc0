package io.containeredge.simulator.fault;

/**
 * One parsed fault command. Which fields matter depends on the kind; see {@link FaultParser} for the
 * text syntax.
 *
 * @param device device id (sensor, device and Modbus faults), GPU server id (BMC and GPU faults, null: all), or null
 * @param point point name (sensor faults), workload (gpu-workload), or null
 * @param value ms (slow), exception code, heat-wave rate in degC per minute, cloud fraction 0..1, dip frequency Hz,
 *     an OpenADR event's kW
 * @param limit heat-wave maximum ambient, degC; a cloud's duration in seconds (0 = until cleared); a dip's in seconds;
 *     an OpenADR event's minutes
 * @param firstMiner first miner index of a miner fault (inclusive)
 * @param lastMiner last miner index of a miner fault (inclusive)
 */
public record FaultCommand(Kind kind, String device, String point, double value, double limit,
        int firstMiner, int lastMiner, String text) {

    public enum Kind {
        PUMP_STOP, FAN_FAULT, SENSOR_FROZEN, SENSOR_INVALID, DEVICE_OFFLINE, DEVICE_ONLINE, SLOW, EXCEPTION,
        MALFORMED, HEAT_WAVE, MINER_UNREACHABLE, MINER_HANG, BATTERY_STUCK, CLOUD, FREQ_DIP, BMC_503, BMC_HANG,
        GPU_IGNORE_CAP, GPU_WORKLOAD, ADR_EVENT, CLEAR
    }

    static FaultCommand of(Kind kind, String text) {
        return new FaultCommand(kind, null, null, 0, 0, -1, -1, text);
    }

    FaultCommand withDevice(String newDevice) {
        return new FaultCommand(kind, newDevice, point, value, limit, firstMiner, lastMiner, text);
    }

    FaultCommand withPoint(String newPoint) {
        return new FaultCommand(kind, device, newPoint, value, limit, firstMiner, lastMiner, text);
    }

    FaultCommand withValues(double newValue, double newLimit) {
        return new FaultCommand(kind, device, point, newValue, newLimit, firstMiner, lastMiner, text);
    }

    FaultCommand withMiners(int first, int last) {
        return new FaultCommand(kind, device, point, value, limit, first, last, text);
    }
}
