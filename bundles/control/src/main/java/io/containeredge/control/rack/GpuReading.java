package io.containeredge.control.rack;

/**
 * One GPU server as its BMC last answered.
 *
 * @param readAtMillis monotonic time of the last good reading ({@link Long#MIN_VALUE}: never read)
 * @param drawW the power it drew then (NaN: never read)
 * @param capW the cap in force then; NaN when none is set
 * @param minCapW the lowest cap the BMC accepts (NaN: not known)
 * @param maxCapW the highest cap the BMC accepts (NaN: not known)
 * @param control how it is capped: {@code Controls} or {@code PowerControl}; empty before discovery
 * @param problem why the last request failed (timeout, 503, refused certificate, ...); empty when it succeeded
 */
public record GpuReading(String id, long readAtMillis, double drawW, double capW, double minCapW, double maxCapW,
        String control, String problem) {

    /** A server not read yet. */
    public static GpuReading unread(String id) {
        return new GpuReading(id, Long.MIN_VALUE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", "not read yet");
    }

    /** Its last request succeeded and its reading is at most {@code maxAgeMillis} old at {@code nowMillis}. */
    public boolean fresh(long nowMillis, long maxAgeMillis) {
        return problem.isEmpty() && readAtMillis != Long.MIN_VALUE && nowMillis - readAtMillis <= maxAgeMillis;
    }
}
