package io.containeredge.modbus.poll;

import java.util.Map;

/**
 * Communication health of one device, as shown by the devices API and later the console.
 *
 * @param lastGoodReadMillis epoch ms of the last successful read, 0 if none
 * @param errors failed requests by kind (timeout, exception, malformed, io)
 * @param exceptionCodes exception responses by Modbus exception code
 */
public record DeviceDiagnostics(
        String device,
        String connection,
        int unitId,
        boolean online,
        long lastGoodReadMillis,
        long requests,
        Map<String, Long> errors,
        Map<Integer, Long> exceptionCodes,
        int consecutiveFailures,
        long backoffMillis,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        String lastError) {
}
