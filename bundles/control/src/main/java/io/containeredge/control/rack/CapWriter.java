package io.containeredge.control.rack;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends one server's caps to its BMC and watches that the server follows them. A cap goes out when it differs from
 * the one sent before by more than the dead band, or when the BMC shows another cap than the one sent (a BMC that
 * restarted or was changed by hand gets the gateway's cap again); at most one request in flight and one a second,
 * none while the server cannot be read. A server still drawing over its cap {@code settleMillis} after it went over
 * is alarmed; the miners take the difference in any case, since they are given what the servers really draw.
 */
final class CapWriter {

    /** Caps closer than this to the one sent are not sent again: the BMCs' own regulation is coarser. */
    private static final double DEAD_BAND_W = 100;
    /** A draw this far over the cap is not following it (meters and regulation overshoot a little). */
    private static final double OVER_SHARE = 0.03;
    private static final long MIN_INTERVAL_MILLIS = 1_000;

    private final String server;
    private final double ratedW;
    private final long settleMillis;
    private double sentW = Double.NaN;
    private long sentAtMillis = Long.MIN_VALUE;
    private long overSinceMillis = Long.MIN_VALUE;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private volatile String refused = "";

    CapWriter(String server, double ratedW, long settleMillis) {
        this.server = server;
        this.ratedW = ratedW;
        this.settleMillis = settleMillis;
    }

    /**
     * Sends {@code capW} if it is due, and says what is wrong with the server, if anything.
     *
     * @param firstPoll the gateway has just started and waits for the server's first answer: not alarmed yet
     */
    List<AlarmCondition> follow(double capW, GpuReading r, boolean fresh, boolean firstPoll, GpuServers servers,
            long nowMillis) {
        List<AlarmCondition> alarms = new ArrayList<>(1);
        if (!fresh) {
            overSinceMillis = Long.MIN_VALUE;
            if (firstPoll) {
                return alarms;
            }
            alarms.add(new AlarmCondition("ai.bmc-unreachable." + server, Severity.WARNING, server, "GPU server "
                    + server + " cannot be read (" + r.problem() + "): counted at its rating " + kw(ratedW)
                    + " kW, the miners keep clear of it", Double.NaN));
            return alarms;
        }
        if (due(capW, r, nowMillis)) {
            sentW = capW;
            sentAtMillis = nowMillis;
            inFlight = servers.cap(server, capW).handle((ok, e) -> {
                refused = e == null ? "" : message(e);
                return null;
            });
        }
        if (!refused.isEmpty()) {
            alarms.add(new AlarmCondition("ai.cap-refused." + server, Severity.WARNING, server, "GPU server " + server
                    + " refused the cap of " + kw(sentW) + " kW: " + refused, sentW));
        }
        boolean over = !Double.isNaN(sentW) && r.drawW() > sentW * (1 + OVER_SHARE);
        overSinceMillis = !over ? Long.MIN_VALUE : overSinceMillis == Long.MIN_VALUE ? nowMillis : overSinceMillis;
        if (over && nowMillis - Math.max(overSinceMillis, sentAtMillis) >= settleMillis) {
            alarms.add(new AlarmCondition("ai.cap-not-followed." + server, Severity.WARNING, server, "GPU server "
                    + server + " draws " + kw(r.drawW()) + " kW over its cap of " + kw(sentW) + " kW for "
                    + (nowMillis - overSinceMillis) / 1000 + " s: the miners take the difference", r.drawW()));
        }
        return alarms;
    }

    /** The cap last sent, NaN before the first. */
    double sentW() {
        return sentW;
    }

    /** Waits for the request in flight, at most {@code millis}: for a clean stop. */
    void await(long millis) {
        try {
            inFlight.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the reason is in the next reading; a stop goes on
        }
    }

    /** Sends a cap now whatever was sent before (a clean stop), once the request in flight is done. */
    CompletableFuture<Void> sendNow(double capW, GpuServers servers) {
        sentW = capW;
        return inFlight.handle((ok, e) -> null).thenCompose(x -> servers.cap(server, capW));
    }

    private boolean due(double capW, GpuReading r, long nowMillis) {
        if (!inFlight.isDone() || sentAtMillis != Long.MIN_VALUE && nowMillis - sentAtMillis < MIN_INTERVAL_MILLIS) {
            return false;
        }
        if (Double.isNaN(sentW) || Math.abs(capW - sentW) > DEAD_BAND_W) {
            return true;
        }
        // the BMC shows another cap than ours, once it has had time to take ours
        boolean shown = !Double.isNaN(r.capW()) && Math.abs(r.capW() - sentW) <= DEAD_BAND_W;
        return !shown && nowMillis - sentAtMillis >= settleMillis;
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    static String kw(double w) {
        return String.format(Locale.ROOT, "%.1f", w / 1000);
    }
}
