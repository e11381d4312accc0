package io.containeredge.control.scenario;

/**
 * The PV inverter behind the loop's SunSpec 704 writes: it makes what the sun gives, at most {@code WMaxLimPct} %
 * of its rating while {@code WMaxLimPctEna} is enabled, from the write on (a step, no ramp), until the reversion
 * time it was written with runs out; then it falls back to {@code WMaxLimPctRvrt} if {@code WMaxLimPctEnaRvrt}
 * was enabled, else it runs free. Disabled, it runs free.
 */
public final class VirtualPv {

    private final double ratedKw;
    private double sunKw;
    private boolean enabled;
    private double pct = 100;
    private double fallbackPct = 100;
    private boolean fallbackEnabled;
    private long reversionMillis;
    private long writtenAt = Long.MIN_VALUE;

    VirtualPv(double ratedKw, double sunKw) {
        this.ratedKw = ratedKw;
        this.sunKw = sunKw;
    }

    void written(String point, Object value, long now) {
        double v = ((Number) value).doubleValue();
        switch (point) {
            case "m704.WMaxLimPctRvrtTms" -> reversionMillis = Math.round(v * 1000);
            case "m704.WMaxLimPctRvrt" -> fallbackPct = v;
            case "m704.WMaxLimPctEnaRvrt" -> fallbackEnabled = v == 1;
            case "m704.WMaxLimPct" -> pct = v;
            case "m704.WMaxLimPctEna" -> {
                enabled = v == 1;
                writtenAt = now;
            }
            default -> { }
        }
    }

    /** What it feeds into the bus at {@code now}, kW. */
    public double outputKw(long now) {
        if (!enabled) {
            return sunKw;
        }
        boolean inForce = now - writtenAt < reversionMillis;
        if (!inForce && !fallbackEnabled) {
            return sunKw;
        }
        return Math.min(sunKw, (inForce ? pct : fallbackPct) / 100 * ratedKw);
    }

    void sunKw(double kw) {
        sunKw = kw;
    }

    public double ratedKw() {
        return ratedKw;
    }
}
