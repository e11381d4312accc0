package io.containeredge.control.economics;

import io.containeredge.site.api.EconomicsSettings;
import java.time.Duration;
import java.util.Locale;

/**
 * What one TH/s of hashrate earns per day, less the pool's fee. A received hashprice older than its validity is
 * stale: it is kept (never guessed) and alarmed. The site's configured hashprice is the operator's own number and
 * never goes stale.
 *
 * @param usdPerThDay before the pool fee
 * @param poolFee the pool's share, 0 to 1
 * @param receivedAtMillis wall-clock time it was received; ignored for a configured one
 */
public record Hashprice(double usdPerThDay, double poolFee, Origin origin, long receivedAtMillis, Duration validity) {

    /** Where a hashprice came from. */
    public enum Origin {
        CONFIGURED,
        RECEIVED
    }

    public Hashprice {
        if (!(usdPerThDay >= 0) || !(poolFee >= 0 && poolFee < 1)) {
            throw new IllegalArgumentException("hashprice " + usdPerThDay + " USD/TH/day with pool fee " + poolFee
                    + ": the price must be 0 or more and the fee from 0 to below 1");
        }
    }

    /** The site's hashprice, used until one is received. */
    public static Hashprice configured(EconomicsSettings.Hashprice h) {
        return new Hashprice(h.usdPerThDay(), h.poolFee(), Origin.CONFIGURED, 0, h.validity());
    }

    /** A hashprice received at a wall-clock time, good for {@code validity}. */
    public static Hashprice received(double usdPerThDay, double poolFee, long atMillis, Duration validity) {
        return new Hashprice(usdPerThDay, poolFee, Origin.RECEIVED, atMillis, validity);
    }

    /** What one TH/s earns per day after the pool's fee. */
    public double netUsdPerThDay() {
        return usdPerThDay * (1 - poolFee);
    }

    public boolean staleAt(long wallMillis) {
        return origin == Origin.RECEIVED && wallMillis - receivedAtMillis > validity.toMillis();
    }

    /** For people: "0.035 USD/TH/day, pool fee 2 %". */
    public String describe() {
        return String.format(Locale.ROOT, "%.4f USD/TH/day, pool fee %.1f %%", usdPerThDay, poolFee * 100);
    }
}
