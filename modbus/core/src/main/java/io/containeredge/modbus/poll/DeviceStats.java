package io.containeredge.modbus.poll;

import io.containeredge.modbus.client.ModbusFailure;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one device's traffic. Written by its poller thread, read by the API at any time. */
final class DeviceStats {

    private final AtomicLong requests = new AtomicLong();
    private final Map<ModbusFailure.Kind, AtomicLong> errors = new EnumMap<>(ModbusFailure.Kind.class);
    private final Map<Integer, Long> exceptionCodes = new TreeMap<>();
    private final LatencyWindow latency = new LatencyWindow(1024);
    private volatile long lastGoodReadMillis;
    private volatile String lastError;

    DeviceStats() {
        for (ModbusFailure.Kind kind : ModbusFailure.Kind.values()) {
            errors.put(kind, new AtomicLong());
        }
    }

    void success(long responseMicros, long nowMillis) {
        requests.incrementAndGet();
        latency.record(responseMicros);
        lastGoodReadMillis = nowMillis;
    }

    void failure(ModbusFailure failure) {
        requests.incrementAndGet();
        errors.get(failure.kind()).incrementAndGet();
        if (failure.kind() == ModbusFailure.Kind.EXCEPTION) {
            synchronized (exceptionCodes) {
                exceptionCodes.merge(failure.exceptionCode(), 1L, Long::sum);
            }
        }
        lastError = failure.kind().key() + ": " + failure.getMessage();
    }

    long lastGoodReadMillis() {
        return lastGoodReadMillis;
    }

    DeviceDiagnostics snapshot(String device, String connection, int unitId, boolean online,
            int consecutiveFailures, long backoffMillis) {
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((k, v) -> byKind.put(k.key(), v.get()));
        Map<Integer, Long> codes;
        synchronized (exceptionCodes) {
            codes = Map.copyOf(exceptionCodes);
        }
        return new DeviceDiagnostics(device, connection, unitId, online, lastGoodReadMillis, requests.get(),
                byKind, codes, consecutiveFailures, backoffMillis,
                latency.percentileMillis(50), latency.percentileMillis(95), latency.percentileMillis(99), lastError);
    }
}
