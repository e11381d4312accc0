package io.containeredge.simulator.modbus;

/**
 * Unit-level faults of one unit id, set by fault injection and read by the server on every request.
 * Fields are volatile: the injector and the connection threads are different threads.
 */
public final class UnitFaults {

    private volatile boolean offline;
    private volatile long delayMillis;
    private volatile int exceptionCode;
    private volatile boolean malformed;

    /** No response at all, so the client times out, like a dead RS485 device behind a gateway. */
    public boolean offline() {
        return offline;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** Every response is delayed by this many milliseconds. */
    public long delayMillis() {
        return delayMillis;
    }

    public void setDelayMillis(long delayMillis) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delayMillis = delayMillis;
    }

    /** Non-zero: every request is answered with this exception code. */
    public int exceptionCode() {
        return exceptionCode;
    }

    public void setExceptionCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("exception code must be 1..255");
        }
        this.exceptionCode = code;
    }

    /**
     * Every response PDU is cut in half while its framing stays consistent (MBAP length, RTU CRC), so
     * a client sees a short, unparsable response rather than a broken frame.
     */
    public boolean malformed() {
        return malformed;
    }

    public void setMalformed(boolean malformed) {
        this.malformed = malformed;
    }

    public void clear() {
        offline = false;
        delayMillis = 0;
        exceptionCode = 0;
        malformed = false;
    }
}
