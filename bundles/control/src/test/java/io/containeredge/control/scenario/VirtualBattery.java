package io.containeredge.control.scenario;

/**
 * The battery inverter behind the loop's SunSpec writes: it delivers its last 704 setpoint until the reversion
 * time it was written with runs out, inside its state-of-charge window, and its state of charge follows what it
 * delivers. A test can make it deliver nothing (a stuck inverter) or less than told (a BMS derate).
 */
public final class VirtualBattery {

    private final double capacityKwh;
    private double socPct;
    private double setpointW;
    private long writtenAt = Long.MIN_VALUE;
    private long reversionMillis;
    boolean follows = true;
    double deliversAtMostKw = Double.POSITIVE_INFINITY;

    VirtualBattery(double capacityKwh, double socPct) {
        this.capacityKwh = capacityKwh;
        this.socPct = socPct;
    }

    void written(String point, Object value, long now) {
        if (point.equals("m704.WSetRvrtTms")) {
            reversionMillis = ((Number) value).longValue() * 1000;
        } else if (point.equals("m704.WSet")) {
            setpointW = ((Number) value).doubleValue();
            writtenAt = now;
        }
    }

    /** What it delivers at {@code now}, + discharge. */
    public double deliveredKw(long now) {
        boolean inForce = writtenAt != Long.MIN_VALUE && now - writtenAt < reversionMillis;
        double sp = inForce ? setpointW / 1000 : 0;
        boolean outsideWindow = sp > 0 && socPct <= 5 || sp < 0 && socPct >= 100;
        return !follows || outsideWindow ? 0 : Math.min(sp, deliversAtMostKw);
    }

    /** Delivers for a while: the state of charge moves by the energy. */
    void run(long now, long millis) {
        socPct -= 100 * deliveredKw(now) * (millis / 3_600_000.0) / capacityKwh;
    }

    public double socPct() {
        return socPct;
    }

    void socPct(double pct) {
        socPct = pct;
    }
}
